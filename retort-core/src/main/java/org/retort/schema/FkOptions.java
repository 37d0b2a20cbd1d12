package org.retort.schema;

/**
 * The referential options a foreign key carries, shared by {@link ForeignKey} and {@link ForeignKeyConstraint}.
 *
 * @param name the constraint name, or null
 * @param onDelete the ON DELETE action (CASCADE, SET NULL, RESTRICT, ...), or null
 * @param onUpdate the ON UPDATE action, or null
 * @param deferrable true for DEFERRABLE, false for NOT DEFERRABLE, null to say nothing
 * @param initially DEFERRED or IMMEDIATE, or null
 * @param useAlter true to add the constraint with ALTER TABLE after all tables exist (for cycles)
 */
record FkOptions(String name, String onDelete, String onUpdate, Boolean deferrable, String initially, boolean useAlter) {
    static final FkOptions NONE = new FkOptions(null, null, null, null, null, false);
}
