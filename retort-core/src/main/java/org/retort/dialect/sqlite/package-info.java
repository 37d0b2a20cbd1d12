/** The sqlite dialect. */
package org.retort.dialect.sqlite;
