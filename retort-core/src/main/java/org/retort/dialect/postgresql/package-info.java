/** The postgresql dialect. */
package org.retort.dialect.postgresql;
