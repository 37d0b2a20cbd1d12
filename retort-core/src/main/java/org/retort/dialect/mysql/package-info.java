/** The mysql dialect. */
package org.retort.dialect.mysql;
