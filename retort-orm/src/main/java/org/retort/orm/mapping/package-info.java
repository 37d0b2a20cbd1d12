/**
 * A read-only view of the mapping, for {@code inspect}: {@link org.retort.orm.mapping.Mapper} per class, its
 * {@link org.retort.orm.mapping.MapperProperty properties} (columns and relationships), cascades and identity keys.
 */
package org.retort.orm.mapping;
