/**
 * Schema migrations (Alembic's job): revisions as {@link org.retort.migrate.Migration} classes annotated with
 * {@link org.retort.migrate.Revision} or as SQL files, a {@link org.retort.migrate.RevisionGraph} with branches,
 * merges and labels, {@link org.retort.migrate.Operations} rendered per database, and the
 * {@link org.retort.migrate.Migrator} commands (upgrade, downgrade, current, history, heads, stamp, offline SQL).
 */
package org.retort.migrate;
