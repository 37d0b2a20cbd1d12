/** The h2 dialect. */
package org.retort.dialect.h2;
