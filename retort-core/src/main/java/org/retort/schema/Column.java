package org.retort.schema;

import java.util.List;
import org.retort.sql.ColumnClause;
import org.retort.types.BigIntType;
import org.retort.types.IntegerType;
import org.retort.types.SmallIntType;
import org.retort.types.SqlType;

/**
 * A column of a {@link Table} (SQLAlchemy's {@code Column}): name and type for the expression language, plus
 * nullability, keys, defaults, identity, computed expression, comment and foreign keys for DDL and the ORM.
 * Made by the table from a {@link ColumnDef}; immutable.
 *
 * @param <T> the Java type of the column's values
 */
public final class Column<T> extends ColumnClause<T> {
    private final boolean primaryKey;
    private final boolean nullable;
    private final boolean explicitNullable;
    private final Boolean autoincrementFlag;
    private final boolean unique;
    private final boolean index;
    private final boolean insertSentinel;
    private final ColumnDefault insertDefault;
    private final ColumnDefault updateDefault;
    private final ServerDefault serverDefault;
    private final ServerDefault serverOnUpdate;
    private final String comment;
    private final Identity identity;
    private final Computed computed;
    private final Sequence sequence;
    private final List<ForeignKey> foreignKeys;

    Column(Table table, ColumnDef<T> def, ColumnSettings s) {
        super(def.name(), s.key != null ? s.key : def.name(), def.type(), table);
        this.primaryKey = s.primaryKey;
        this.nullable = s.nullable;
        this.explicitNullable = s.explicitNullable;
        this.autoincrementFlag = s.autoincrement;
        this.unique = s.unique;
        this.index = s.index;
        this.insertSentinel = s.insertSentinel;
        this.insertDefault = s.insertDefault;
        this.updateDefault = s.updateDefault;
        this.serverDefault = s.serverDefault;
        this.serverOnUpdate = s.serverOnUpdate;
        this.comment = s.comment;
        this.identity = s.identity;
        this.computed = s.computed;
        this.sequence = s.sequence;
        this.foreignKeys = List.copyOf(s.foreignKeys);
    }

    @Override
    public Table table() {
        return (Table) super.table();
    }

    /** {@return true for a DDL default, an identity or a computed column: the database supplies the value} */
    @Override
    public boolean hasServerDefault() {
        return serverDefault != null || identity != null || computed != null;
    }

    /** {@return true for a server ON UPDATE value or a computed column} */
    @Override
    public boolean hasServerOnUpdate() {
        return serverOnUpdate != null || computed != null;
    }

    /** {@return true when {@code insertSentinel()} was given: the column correlates batched RETURNING rows} */
    @Override
    public boolean isInsertSentinel() {
        return insertSentinel;
    }

    /** {@return true when the column is part of the primary key} */
    @Override
    public boolean isPrimaryKey() {
        return primaryKey;
    }

    /** {@return true when NULL is allowed (false for primary key columns unless {@code nullable()} was given)} */
    public boolean isNullable() {
        return nullable;
    }

    boolean isExplicitlyNullable() {
        return explicitNullable;
    }

    /**
     * Whether the database generates this column's value on INSERT: an IDENTITY column, or the single integer
     * primary key column without a foreign key, server default or computed expression (SQLAlchemy's
     * {@code autoincrement="auto"}), or any column given {@code autoincrement()}.
     *
     * @return true for an autoincrement column
     */
    @Override
    public boolean isAutoincrement() {
        if (autoincrementFlag != null) {
            return autoincrementFlag;
        }
        if (identity != null) {
            return true;
        }
        if (!primaryKey || computed != null || serverDefault != null || !foreignKeys.isEmpty()) {
            return false;
        }
        SqlType<?> t = type();
        if (!(t instanceof IntegerType || t instanceof BigIntType || t instanceof SmallIntType)) {
            return false;
        }
        return table().primaryKey().columnNames().size() == 1;
    }

    /** {@return true when {@code unique()} was given} */
    public boolean isUnique() {
        return unique;
    }

    /** {@return true when {@code index()} was given} */
    public boolean isIndexed() {
        return index;
    }

    /**
     * The value Retort supplies on INSERT when the statement gives none: the {@code defaultValue(...)} of the
     * declaration, a constant or a supplier called once per row; else the next value of the column's
     * {@link #sequence()}.
     *
     * @return the default, or null
     */
    @Override
    public org.retort.sql.ColumnDefault insertDefault() {
        if (insertDefault == null && sequence != null) {
            return new org.retort.sql.ColumnDefault.NextValue(sequence.schema(), sequence.name());
        }
        return toSql(insertDefault);
    }

    /**
     * The value Retort supplies on every UPDATE that does not set the column ({@code onUpdate(...)}).
     *
     * @return the default, or null
     */
    @Override
    public org.retort.sql.ColumnDefault updateDefault() {
        return toSql(updateDefault);
    }

    private static org.retort.sql.ColumnDefault toSql(ColumnDefault d) {
        if (d == null) {
            return null;
        }
        return d.isCallable() ? org.retort.sql.ColumnDefault.callable(d.supplier())
                : org.retort.sql.ColumnDefault.value(d.value());
    }

    /** {@return the database default (DDL {@code DEFAULT}), or null} */
    public ServerDefault serverDefault() {
        return serverDefault;
    }

    /** {@return the database's ON UPDATE value, or null} */
    public ServerDefault serverOnUpdate() {
        return serverOnUpdate;
    }

    /** {@return the column comment, or null} */
    public String comment() {
        return comment;
    }

    /** {@return the IDENTITY definition, or null} */
    public Identity identity() {
        return identity;
    }

    /** {@return the generated-column expression, or null} */
    public Computed computed() {
        return computed;
    }

    /** {@return the sequence INSERTs take values from, or null} */
    public Sequence sequence() {
        return sequence;
    }

    /** {@return the foreign keys declared on this column} */
    public List<ForeignKey> foreignKeys() {
        return foreignKeys;
    }
}
