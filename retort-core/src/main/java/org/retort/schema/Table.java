package org.retort.schema;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.retort.engine.Engine;
import org.retort.exc.ArgumentException;
import org.retort.sql.ColumnClause;
import org.retort.sql.TableClause;

/**
 * A table of a {@link MetaData} (SQLAlchemy's {@code Table}): its columns as {@link Column}s, primary key,
 * foreign keys, unique and check constraints, indexes and comment. Made by
 * {@code metadata.table("user_account", column("id", INTEGER, primaryKey()), ...)}; immutable once made.
 *
 * <p>{@code users.c("id", Integer.class)} gives the typed column handle for expressions.
 */
public final class Table extends TableClause {
    private final MetaData metadata;
    private final List<Column<?>> columns = new ArrayList<>();
    private final PrimaryKeyConstraint primaryKey;
    private final List<ForeignKeyConstraint> foreignKeys = new ArrayList<>();
    private final List<UniqueConstraint> uniques = new ArrayList<>();
    private final List<CheckConstraint> checks = new ArrayList<>();
    private final List<Index> indexes = new ArrayList<>();
    private final String comment;

    Table(MetaData metadata, String name, List<TableElement> elements) {
        super(name, schemaOf(metadata, elements));
        this.metadata = metadata;
        NamingConvention nc = metadata.namingConvention();
        PrimaryKeyConstraint declaredPk = null;
        String tableComment = null;
        for (TableElement e : elements) {
            if (e instanceof PrimaryKeyConstraint pk) {
                if (declaredPk != null) {
                    throw new ArgumentException("Table '" + name + "' declares two primary keys; declare one "
                            + "primaryKeyConstraint(...) listing all key columns");
                }
                declaredPk = pk;
            } else if (e instanceof CommentText c) {
                tableComment = c.text();
            }
        }
        this.comment = tableComment;
        List<String> pkNames = new ArrayList<>();
        List<ColumnSettings> settings = new ArrayList<>();
        List<ColumnDef<?>> defs = new ArrayList<>();
        for (TableElement e : elements) {
            if (e instanceof ColumnDef<?> def) {
                ColumnSettings s = ColumnSettings.of(name, def);
                defs.add(def);
                settings.add(s);
                if (s.primaryKey && declaredPk == null) {
                    pkNames.add(def.name());
                }
            }
        }
        if (declaredPk != null) {
            pkNames.addAll(declaredPk.columnNames());
        }
        for (int i = 0; i < defs.size(); i++) {
            ColumnSettings s = settings.get(i);
            if (pkNames.contains(defs.get(i).name()) && !s.primaryKey) {
                s.primaryKey = true;
                s.nullable = s.explicitNullable;
            }
            addColumn(newColumn(defs.get(i), s));
        }
        for (String pk : pkNames) {
            requireColumn(pk, "the primary key");
        }
        PrimaryKeyConstraint pkc = declaredPk != null ? declaredPk : PrimaryKeyConstraint.of();
        String pkName = pkc.declaredName() != null ? pkc.declaredName()
                : pkNames.isEmpty() ? null : nc.name("pk", name, null, pkNames, null, List.of());
        this.primaryKey = pkc.bind(this, pkNames, pkName, pkc.declaredName() == null && pkName != null);

        for (int i = 0; i < defs.size(); i++) {
            ColumnSettings s = settings.get(i);
            String col = defs.get(i).name();
            for (ForeignKey fk : s.foreignKeys) {
                addForeignKey(ForeignKeyConstraint.ofColumn(col, fk));
            }
            if (s.unique && !s.index) {
                addUnique(UniqueConstraint.of(col));
            }
            if (s.index) {
                Index ix = Index.of(null, col);
                addIndex(s.unique ? ix.unique() : ix);
            }
            for (CheckConstraint c : s.checks) {
                addCheck(c, List.of(col));
            }
        }
        for (TableElement e : elements) {
            switch (e) {
                case ForeignKeyConstraint fk -> addForeignKey(fk);
                case UniqueConstraint u -> addUnique(u);
                case CheckConstraint c -> addCheck(c, List.of());
                case Index ix -> addIndex(ix);
                default -> { }
            }
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Column<?> newColumn(ColumnDef<?> def, ColumnSettings s) {
        return new Column(this, def, s);
    }

    private static String schemaOf(MetaData metadata, List<TableElement> elements) {
        for (TableElement e : elements) {
            if (e instanceof SchemaName s) {
                return s.name();
            }
        }
        return metadata.schema();
    }

    private void requireColumn(String col, String what) {
        if (!hasColumnNamed(col)) {
            throw new ArgumentException("Table '" + fullName() + "': " + what + " names column '" + col
                    + "', which the table does not have; its columns are " + columnNames());
        }
    }

    private void addForeignKey(ForeignKeyConstraint fk) {
        for (String c : fk.columnNames()) {
            requireColumn(c, "a foreign key");
        }
        String generated = fk.declaredName() != null ? null : metadata.namingConvention().name("fk", name(), null,
                fk.columnNames(), fk.referredTableName(), fk.referredColumnNames());
        foreignKeys.add(fk.bind(this, fk.declaredName() != null ? fk.declaredName() : generated, generated != null));
    }

    private void addUnique(UniqueConstraint u) {
        for (String c : u.columnNames()) {
            requireColumn(c, "a unique constraint");
        }
        String generated = u.declaredName() != null ? null
                : metadata.namingConvention().name("uq", name(), null, u.columnNames(), null, List.of());
        uniques.add(u.bind(this, u.declaredName() != null ? u.declaredName() : generated, generated != null));
    }

    private void addCheck(CheckConstraint c, List<String> cols) {
        String generated = null;
        String template = metadata.namingConvention().templates().get("ck");
        if (template != null && (c.declaredName() != null ? template.contains("%(constraint_name)s") : true)) {
            generated = metadata.namingConvention().name("ck", name(), c.declaredName(), cols, null, List.of());
        }
        String effective = generated != null ? generated : c.declaredName();
        checks.add(c.bind(this, cols, effective, generated != null));
    }

    private void addIndex(Index ix) {
        for (String c : ix.columnNames()) {
            requireColumn(c, "index " + (ix.name() == null ? "" : "'" + ix.name() + "' "));
        }
        String generated = null;
        if (ix.name() == null) {
            generated = metadata.namingConvention().name("ix", name(), null, ix.columnNames(), null, List.of());
            if (generated == null) {
                generated = NamingConvention.DEFAULT.name("ix", name(), null, ix.columnNames(), null, List.of());
            }
        }
        indexes.add(ix.bind(this, ix.name() != null ? ix.name() : generated, generated != null));
    }

    /** {@return the MetaData the table belongs to} */
    public MetaData metadata() {
        return metadata;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Column<Object> c(String columnName) {
        return (Column<Object>) (Column<?>) super.c(columnName);
    }

    @Override
    public <T> Column<T> c(String columnName, Class<T> javaType) {
        return (Column<T>) super.c(columnName, javaType);
    }

    @Override
    public Column<?> columnNamed(String columnName) {
        return (Column<?>) super.columnNamed(columnName);
    }

    /** {@return the columns as {@link Column}s, in declaration order} */
    public List<Column<?>> schemaColumns() {
        List<Column<?>> out = new ArrayList<>();
        for (ColumnClause<?> c : columns()) {
            out.add((Column<?>) c);
        }
        return Collections.unmodifiableList(out);
    }

    /** {@return the column names, in declaration order} */
    public List<String> columnNames() {
        return columns().stream().map(ColumnClause::name).toList();
    }

    /** {@return the primary key; its column list is empty when the table has none} */
    public PrimaryKeyConstraint primaryKey() {
        return primaryKey;
    }

    /** {@return the foreign key constraints, column-level ones first} */
    public List<ForeignKeyConstraint> foreignKeys() {
        return Collections.unmodifiableList(foreignKeys);
    }

    /**
     * The column pairs of this table's foreign keys whose referred table is in the same MetaData, so that
     * {@code join(users, addresses)} infers {@code ON users.id = addresses.user_id}.
     *
     * @return the pairs, constraint by constraint
     */
    @Override
    public List<org.retort.sql.ForeignKeyPair> foreignKeyPairs() {
        List<org.retort.sql.ForeignKeyPair> pairs = new ArrayList<>();
        for (ForeignKeyConstraint fk : foreignKeys) {
            MetaData md = metadata();
            String schema = fk.referredSchema() != null ? fk.referredSchema() : md.schema();
            Table referred = md.findTable(fk.referredTableName(), schema);
            if (referred == null) {
                continue;
            }
            List<String> local = fk.columnNames();
            List<String> remote = fk.referredColumnNames();
            for (int i = 0; i < local.size(); i++) {
                if (hasColumnNamed(local.get(i)) && referred.hasColumnNamed(remote.get(i))) {
                    pairs.add(new org.retort.sql.ForeignKeyPair(columnNamed(local.get(i)), referred.columnNamed(remote.get(i)),
                            fk));
                }
            }
        }
        return pairs;
    }

    /** {@return the unique constraints} */
    public List<UniqueConstraint> uniqueConstraints() {
        return Collections.unmodifiableList(uniques);
    }

    /** {@return the check constraints (enum CHECKs the DDL adds are not listed)} */
    public List<CheckConstraint> checkConstraints() {
        return Collections.unmodifiableList(checks);
    }

    /** {@return the indexes} */
    public List<Index> indexes() {
        return Collections.unmodifiableList(indexes);
    }

    /** {@return every constraint: primary key (when it has columns), foreign keys, unique, check} */
    public List<Constraint> constraints() {
        List<Constraint> all = new ArrayList<>();
        if (!primaryKey.columnNames().isEmpty()) {
            all.add(primaryKey);
        }
        all.addAll(foreignKeys);
        all.addAll(uniques);
        all.addAll(checks);
        return all;
    }

    /** {@return the tables this one refers to by foreign key (itself excluded)} */
    public Set<Table> referredTables() {
        Set<Table> out = new LinkedHashSet<>();
        for (ForeignKeyConstraint fk : foreignKeys) {
            Table t = fk.referredTable();
            if (t != this) {
                out.add(t);
            }
        }
        return out;
    }

    /** {@return the table comment, or null} */
    public String comment() {
        return comment;
    }

    /**
     * Creates this table, its indexes and comments (and PostgreSQL enum types and sequences it uses), unless it
     * exists.
     *
     * @param engine the engine
     */
    public void create(Engine engine) {
        DdlRunner.create(engine, List.of(this), true);
    }

    /**
     * Drops this table if it exists.
     *
     * @param engine the engine
     */
    public void drop(Engine engine) {
        DdlRunner.drop(engine, List.of(this), true);
    }
}
