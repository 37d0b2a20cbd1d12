/**
 * The annotation processor that writes each mapped class's typed metamodel class:
 * {@link org.retort.processor.MetamodelProcessor}. Everything else in the package is its implementation.
 */
package org.retort.processor;
