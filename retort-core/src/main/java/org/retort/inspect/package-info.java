/**
 * Reflection: {@link org.retort.inspect.Inspector} reads a live database's tables, columns, keys, indexes and
 * comments back into Retort's schema objects (SQLAlchemy's {@code sqlalchemy.inspect}); each dialect supplies a
 * {@link org.retort.inspect.Reflector} with its catalog queries.
 */
package org.retort.inspect;
