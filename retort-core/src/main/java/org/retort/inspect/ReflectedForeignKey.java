package org.retort.inspect;

import java.util.List;

/**
 * A foreign key as the database describes it.
 *
 * @param name the constraint name, or null
 * @param columns the local columns
 * @param referredSchema the referred table's schema, or null for the same schema
 * @param referredTable the referred table
 * @param referredColumns the referred columns
 * @param onDelete the ON DELETE action, or null for NO ACTION
 * @param onUpdate the ON UPDATE action, or null for NO ACTION
 * @param deferrable true for DEFERRABLE, or null when not
 * @param initially DEFERRED when initially deferred, or null
 */
public record ReflectedForeignKey(String name, List<String> columns, String referredSchema, String referredTable,
                                  List<String> referredColumns, String onDelete, String onUpdate, Boolean deferrable,
                                  String initially) {
}
