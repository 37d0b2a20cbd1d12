/** The mssql dialect. */
package org.retort.dialect.mssql;
