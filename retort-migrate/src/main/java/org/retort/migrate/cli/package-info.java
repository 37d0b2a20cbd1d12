/**
 * The {@code retort-migrate} command-line tool (Alembic's {@code alembic} command), built with picocli:
 * {@link org.retort.migrate.cli.RetortMigrate#main(String[])}.
 */
package org.retort.migrate.cli;
