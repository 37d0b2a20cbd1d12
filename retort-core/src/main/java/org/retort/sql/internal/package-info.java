/**
 * Internals of the SQL expression language: coercion of Java values into bind parameters, FROM inference,
 * join-condition inference, the structural analysis behind cache keys and bind names, and the generic dialect
 * used by {@code toString()}. Not exported.
 */
package org.retort.sql.internal;
