/** Implementation of retort-migrate: per-database ALTER rendering, the version table, SQLite batch rebuilds. */
package org.retort.migrate.internal;
