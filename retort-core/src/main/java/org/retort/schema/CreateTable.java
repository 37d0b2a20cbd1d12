package org.retort.schema;


/**
 * {@code CREATE TABLE t (...)} with the table's columns and constraints; foreign keys in {@code omitForeignKeys} (and {@code useAlter} ones where the database can ALTER them in later) are left for {@link AddConstraint}.
 *
 * @param table the table
 * @param ifNotExists true for {@code CREATE TABLE IF NOT EXISTS}
 * @param omitForeignKeys foreign keys added later by ALTER TABLE
 */
public record CreateTable(Table table, boolean ifNotExists, java.util.Set<ForeignKeyConstraint> omitForeignKeys) implements DdlElement {

    /**
     * {@code CREATE TABLE} with every constraint inline.
     *
     * @param table the table
     */
    public CreateTable(Table table) {
        this(table, false, java.util.Set.of());
    }
}
