/** The oracle dialect. */
package org.retort.dialect.oracle;
