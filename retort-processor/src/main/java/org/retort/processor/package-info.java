/** The annotation processor that writes each mapped class's typed metamodel class. */
package org.retort.processor;
