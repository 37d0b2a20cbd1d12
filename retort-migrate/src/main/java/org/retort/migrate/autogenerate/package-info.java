/**
 * Autogenerate (Alembic's {@code autogenerate}): {@link org.retort.migrate.autogenerate.Autogenerate#compare}
 * reflects a database and lists how it differs from an application's {@code MetaData} as
 * {@link org.retort.migrate.autogenerate.SchemaChange}s; {@link org.retort.migrate.autogenerate.Autogenerate#render}
 * writes them as the Java bodies of a revision's {@code upgrade} and {@code downgrade}.
 */
package org.retort.migrate.autogenerate;
