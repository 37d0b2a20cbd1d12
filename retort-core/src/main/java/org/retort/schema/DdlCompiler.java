package org.retort.schema;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.retort.dialect.Dialect;
import org.retort.exc.CompileException;
import org.retort.types.EnumType;
import org.retort.types.SqlType;
import org.retort.types.TypeCompiler;
import org.retort.types.TypeDecorator;
import org.retort.types.Variant;

/**
 * Renders DDL for one dialect (SQLAlchemy's {@code DDLCompiler}): the base class writes standard SQL and each
 * dialect's subclass overrides only what differs (autoincrement, identity, comments, index and constraint
 * quirks). Obtained from {@link Dialect#ddlCompiler()}.
 *
 * <pre>
 * CREATE TABLE user_account (
 * 	id INTEGER NOT NULL,
 * 	name VARCHAR(30) NOT NULL,
 * 	PRIMARY KEY (id)
 * )
 * </pre>
 */
public class DdlCompiler {
    /** The dialect. */
    protected final Dialect dialect;
    /** The dialect's type compiler. */
    protected final TypeCompiler types;
    /** Schema names replaced as tables, sequences and types are written (the {@code schemaTranslateMap} option). */
    protected org.retort.sql.SchemaTranslateMap schemas = org.retort.sql.SchemaTranslateMap.empty();

    /** Where a dialect keeps table and column comments. */
    public enum CommentStyle {
        /** Not at all (SQLite, SQL Server): comments are left out of the DDL. */
        NONE,
        /** {@code COMMENT ON TABLE/COLUMN ... IS '...'} statements after CREATE TABLE. */
        COMMENT_ON,
        /** Inline {@code COMMENT '...'} clauses (MySQL/MariaDB). */
        INLINE
    }

    /**
     * Creates the compiler.
     *
     * @param dialect the dialect
     */
    public DdlCompiler(Dialect dialect) {
        this.dialect = dialect;
        this.types = dialect.typeCompiler();
    }

    /**
     * Sets the schema names to replace as tables, sequences and types are written (the {@code schemaTranslateMap}
     * execution option); call before compiling.
     *
     * @param map the translation
     * @return this compiler
     */
    public DdlCompiler schemaTranslateMap(org.retort.sql.SchemaTranslateMap map) {
        this.schemas = java.util.Objects.requireNonNull(map, "map");
        return this;
    }

    /**
     * The schema to write for a declared one, after the {@code schemaTranslateMap} in force.
     *
     * @param declared the declared schema, or null for the default schema
     * @return the schema to write, or null for none
     */
    protected String schema(String declared) {
        return schemas.translate(declared);
    }

    /**
     * Renders a DDL statement.
     *
     * @param element the statement
     * @return the SQL
     */
    public String compile(DdlElement element) {
        return switch (element) {
            case CreateTable ct -> createTable(ct);
            case DropTable dt -> "DROP TABLE " + (dt.ifExists() ? "IF EXISTS " : "") + tableName(dt.table());
            case CreateIndex ci -> createIndex(ci);
            case DropIndex di -> dropIndex(di);
            case CreateSequence cs -> createSequence(cs.sequence());
            case DropSequence ds -> {
                requireSequences(ds.sequence());
                yield "DROP SEQUENCE " + sequenceName(ds.sequence());
            }
            case AddConstraint ac -> addConstraint(ac.constraint());
            case DropConstraint dc -> dropConstraint(dc.constraint());
            case CreateEnumType ce -> createEnumType(ce);
            case DropEnumType de -> dropEnumType(de);
            case SetTableComment sc -> setTableComment(sc.table());
            case SetColumnComment sc -> setColumnComment(sc.column());
        };
    }

    /**
     * Renders ALTER TABLE ... ADD constraint.
     *
     * @param c the constraint
     * @return ALTER TABLE ... ADD constraint
     */
    protected String addConstraint(Constraint c) {
        if (!supportsAlterAddConstraint()) {
            throw new CompileException(dialect.name() + " cannot add constraint " + c + " to existing table '"
                    + c.table().fullName() + "': declare it in CREATE TABLE");
        }
        return "ALTER TABLE " + tableName(c.table()) + " ADD " + constraintSpec(c);
    }

    private void requireComments(String what) {
        if (commentStyle() == CommentStyle.NONE) {
            throw new CompileException(dialect.name() + " keeps no comments; cannot set the comment of " + what);
        }
    }

    /**
     * Renders COMMENT ON TABLE.
     *
     * @param t the table, which has a comment
     * @return COMMENT ON TABLE
     */
    protected String setTableComment(Table t) {
        requireComments("table '" + t.fullName() + "'");
        return "COMMENT ON TABLE " + tableName(t) + " IS " + literal(t.comment());
    }

    /**
     * Renders COMMENT ON COLUMN.
     *
     * @param c the column, which has a comment
     * @return COMMENT ON COLUMN
     */
    protected String setColumnComment(Column<?> c) {
        requireComments("column '" + c + "'");
        return "COMMENT ON COLUMN " + tableName(c.table()) + "." + quote(c.name(), false) + " IS "
                + literal(c.comment());
    }

    // ------------------------------------------------------------------ pieces for ALTER TABLE

    /**
     * One column's definition as CREATE TABLE writes it (name, type, default, identity, NOT NULL and the
     * dialect's trailing clauses), for tools that build ALTER TABLE ... ADD statements (retort-migrate).
     *
     * @param column the column, bound to a table
     * @return the column definition
     */
    public String columnDefinition(Column<?> column) {
        return columnSpec(column);
    }

    // ------------------------------------------------------------------ capabilities

    /** {@return how this database stores comments} */
    public CommentStyle commentStyle() {
        return CommentStyle.COMMENT_ON;
    }

    /** {@return true when ALTER TABLE ADD CONSTRAINT works (false on SQLite, where cycles stay inline)} */
    public boolean supportsAlterAddConstraint() {
        return true;
    }

    /** {@return true when DEFERRABLE / INITIALLY are accepted on foreign keys} */
    protected boolean supportsDeferrable() {
        return true;
    }

    /** {@return true for indexes with a WHERE clause} */
    protected boolean supportsPartialIndexes() {
        return false;
    }

    /** {@return true for indexes on expressions} */
    protected boolean supportsFunctionalIndexes() {
        return true;
    }

    // ------------------------------------------------------------------ names

    /**
     * Quotes a name after checking its length.
     *
     * @param name the name
     * @param generated true for a name the naming convention made, which is shortened instead of rejected
     * @return the quoted name
     */
    protected String quote(String name, boolean generated) {
        int max = dialect.maxIdentifierLength();
        if (name.length() > max) {
            if (!generated) {
                throw new CompileException("Identifier '" + name + "' is " + name.length() + " characters long; "
                        + dialect.name() + " allows " + max + ": choose a shorter name");
            }
            name = truncate(name, max);
        }
        return dialect.quote(name);
    }

    /**
     * Shortens a generated name to fit, keeping a 4-digit hash of the whole name as SQLAlchemy does.
     *
     * @param name the name
     * @param max the longest allowed
     * @return the shortened name
     */
    public static String truncate(String name, int max) {
        try {
            byte[] md5 = java.security.MessageDigest.getInstance("MD5")
                    .digest(name.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            String hex = HexFormat.of().formatHex(md5);
            return name.substring(0, max - 8) + "_" + hex.substring(hex.length() - 4);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Returns the schema-qualified, quoted table name.
     *
     * @param t the table
     * @return the schema-qualified, quoted table name
     */
    protected String tableName(Table t) {
        String n = quote(t.name(), false);
        String schema = schema(t.schema());
        return schema == null ? n : dialect.quoteSchema(schema) + "." + n;
    }

    /**
     * Returns the schema-qualified, quoted sequence name.
     *
     * @param s the sequence
     * @return the schema-qualified, quoted sequence name
     */
    protected String sequenceName(Sequence s) {
        String n = quote(s.name(), false);
        String schema = schema(s.schema());
        return schema == null ? n : dialect.quoteSchema(schema) + "." + n;
    }

    /**
     * Renders a string literal for DDL (comments, enum values).
     *
     * @param s the text
     * @return the quoted literal
     */
    protected String literal(String s) {
        return dialect.literalStyle().string(s, dialect.name());
    }

    // ------------------------------------------------------------------ CREATE TABLE

    /**
     * Renders CREATE TABLE.
     *
     * @param ct the statement
     * @return CREATE TABLE
     */
    protected String createTable(CreateTable ct) {
        Table t = ct.table();
        List<String> lines = new ArrayList<>();
        for (Column<?> c : t.schemaColumns()) {
            lines.add(columnSpec(c));
        }
        for (Constraint c : t.constraints()) {
            if (c instanceof ForeignKeyConstraint fk && supportsAlterAddConstraint()
                    && (fk.isUseAlter() || ct.omitForeignKeys().contains(fk))) {
                continue;
            }
            if (c instanceof ForeignKeyConstraint fk) {
                fk.referredTable();
            }
            lines.add(constraintSpec(c));
        }
        for (Column<?> c : t.schemaColumns()) {
            SqlType<?> type = effectiveType(c.type());
            if (type instanceof EnumType<?> e && types.enumNeedsCheck(e)) {
                lines.add("CHECK (" + quote(c.name(), false) + " IN (" + e.values().stream().map(this::literal)
                        .collect(Collectors.joining(", ")) + "))");
            }
        }
        return "CREATE TABLE " + (ct.ifNotExists() ? "IF NOT EXISTS " : "") + tableName(t) + " (\n\t"
                + String.join(",\n\t", lines) + "\n)" + tableSuffix(t);
    }

    /**
     * Returns text after the closing parenthesis (MySQL's table COMMENT).
     *
     * @param t the table
     * @return text after the closing parenthesis (MySQL's table COMMENT)
     */
    protected String tableSuffix(Table t) {
        return "";
    }

    /**
     * The type a column has on this dialect, variants and decorators unwrapped.
     *
     * @param type the declared type
     * @return the stored type
     */
    protected SqlType<?> effectiveType(SqlType<?> type) {
        while (true) {
            if (type instanceof Variant<?> v) {
                type = v.forDialect(dialect);
            } else if (type instanceof TypeDecorator<?, ?> d) {
                type = d.impl(dialect);
            } else {
                return type;
            }
        }
    }

    /**
     * One column's line of CREATE TABLE: name, type, default, generated or identity clause, NOT NULL.
     *
     * @param c the column
     * @return the column specification
     */
    protected String columnSpec(Column<?> c) {
        StringBuilder sb = new StringBuilder(quote(c.name(), false)).append(' ').append(columnType(c));
        if (c.serverDefault() != null) {
            sb.append(" DEFAULT ").append(c.serverDefault().sql(dialect));
        }
        if (c.computed() != null) {
            sb.append(' ').append(computed(c.computed()));
        }
        String identity = identity(c);
        if (identity != null) {
            sb.append(' ').append(identity);
        }
        if (!c.isNullable()) {
            sb.append(" NOT NULL");
        }
        sb.append(afterNotNull(c));
        return sb.toString();
    }

    /**
     * Returns the column's DDL type.
     *
     * @param c the column
     * @return the column's DDL type
     */
    protected String columnType(Column<?> c) {
        try {
            return types.render(c.type());
        } catch (CompileException e) {
            throw new CompileException("Column '" + c + "': " + e.getMessage(), e);
        }
    }

    /**
     * Whether the database's own autoincrement applies: an autoincrement column without IDENTITY, and without a
     * sequence unless the database has no sequences (then the sequence is ignored, as SQLAlchemy does).
     *
     * @param c the column
     * @return true when the dialect's implicit autoincrement should be rendered
     */
    protected boolean implicitAutoincrement(Column<?> c) {
        return c.isAutoincrement() && c.identity() == null && (c.sequence() == null || !dialect.supportsSequences())
                && c.serverDefault() == null;
    }

    /**
     * Returns {@code GENERATED ALWAYS AS (expr) [STORED|VIRTUAL]}.
     *
     * @param computed the generated column
     * @return {@code GENERATED ALWAYS AS (expr) [STORED|VIRTUAL]}
     */
    protected String computed(Computed computed) {
        String s = "GENERATED ALWAYS AS (" + computed.sql() + ")";
        if (computed.persisted() == null) {
            return s;
        }
        return s + (computed.persisted() ? " STORED" : " VIRTUAL");
    }

    /**
     * Returns the IDENTITY clause, or null.
     *
     * @param c the column
     * @return the IDENTITY clause, or null
     */
    protected String identity(Column<?> c) {
        Identity i = c.identity();
        if (i == null) {
            return null;
        }
        String s = "GENERATED " + (i.always() ? "ALWAYS" : "BY DEFAULT") + " AS IDENTITY";
        List<String> opts = i.options();
        return opts.isEmpty() ? s : s + " (" + String.join(" ", opts) + ")";
    }

    /**
     * Returns text after NOT NULL (MySQL's AUTO_INCREMENT and COMMENT, SQL Server's IDENTITY), or empty.
     *
     * @param c the column
     * @return text after NOT NULL (MySQL's AUTO_INCREMENT and COMMENT, SQL Server's IDENTITY), or empty
     */
    protected String afterNotNull(Column<?> c) {
        return "";
    }

    // ------------------------------------------------------------------ constraints

    /**
     * Returns {@code CONSTRAINT name } or empty when unnamed.
     *
     * @param c the constraint
     * @return {@code CONSTRAINT name } or empty when unnamed
     */
    protected String constraintPrefix(Constraint c) {
        return c.name() == null ? "" : "CONSTRAINT " + quote(c.name(), c.isNameGenerated()) + " ";
    }

    /**
     * Returns the constraint's table-level specification.
     *
     * @param c the constraint
     * @return its table-level specification
     */
    protected String constraintSpec(Constraint c) {
        return constraintPrefix(c) + switch (c) {
            case PrimaryKeyConstraint pk -> "PRIMARY KEY (" + columnList(pk.columnNames()) + ")";
            case UniqueConstraint u -> "UNIQUE (" + columnList(u.columnNames()) + ")";
            case CheckConstraint ck -> "CHECK (" + ck.sql() + ")";
            case ForeignKeyConstraint fk -> foreignKeySpec(fk);
        };
    }

    /**
     * Returns the quoted names joined by commas.
     *
     * @param names column names
     * @return the quoted names joined by commas
     */
    protected String columnList(List<String> names) {
        return names.stream().map(n -> quote(n, false)).collect(Collectors.joining(", "));
    }

    /**
     * Returns {@code FOREIGN KEY(a) REFERENCES t (x) ...}.
     *
     * @param fk the foreign key
     * @return {@code FOREIGN KEY(a) REFERENCES t (x) ...}
     */
    protected String foreignKeySpec(ForeignKeyConstraint fk) {
        Table ref = fk.referredTable();
        StringBuilder sb = new StringBuilder("FOREIGN KEY(").append(columnList(fk.columnNames())).append(") REFERENCES ")
                .append(tableName(ref)).append(" (").append(columnList(fk.referredColumnNames())).append(')');
        if (fk.onDeleteAction() != null) {
            sb.append(" ON DELETE ").append(action(fk.onDeleteAction()));
        }
        if (fk.onUpdateAction() != null) {
            sb.append(" ON UPDATE ").append(action(fk.onUpdateAction()));
        }
        if (supportsDeferrable()) {
            if (fk.isDeferrable() != null) {
                sb.append(fk.isDeferrable() ? " DEFERRABLE" : " NOT DEFERRABLE");
            }
            if (fk.initially() != null) {
                sb.append(" INITIALLY ").append(action(fk.initially()));
            }
        }
        return sb.toString();
    }

    private static String action(String a) {
        String up = a.trim().toUpperCase(java.util.Locale.ROOT);
        if (!up.matches("[A-Z ]+")) {
            throw new CompileException("'" + a + "' is not a foreign key action: use CASCADE, SET NULL, SET DEFAULT, "
                    + "RESTRICT, NO ACTION, DEFERRED or IMMEDIATE");
        }
        return up;
    }

    /**
     * Renders ALTER TABLE ... DROP CONSTRAINT.
     *
     * @param c the constraint
     * @return ALTER TABLE ... DROP CONSTRAINT
     */
    protected String dropConstraint(Constraint c) {
        if (c.name() == null) {
            throw new CompileException("Cannot drop the unnamed constraint " + c + " of table '" + c.table().fullName()
                    + "': give it a name (.named(...)) or a naming convention");
        }
        return "ALTER TABLE " + tableName(c.table()) + " DROP CONSTRAINT " + quote(c.name(), c.isNameGenerated());
    }

    // ------------------------------------------------------------------ indexes

    /**
     * Renders CREATE INDEX.
     *
     * @param ci the statement
     * @return CREATE INDEX
     */
    protected String createIndex(CreateIndex ci) {
        Index ix = ci.index();
        checkIndexOptions(ix);
        StringBuilder sb = new StringBuilder("CREATE ");
        if (ix.isUnique()) {
            sb.append("UNIQUE ");
        }
        sb.append(indexKind(ix));
        sb.append("INDEX ");
        if (ci.ifNotExists()) {
            sb.append("IF NOT EXISTS ");
        }
        sb.append(quote(ix.name(), ix.isNameGenerated())).append(" ON ").append(tableName(ix.table()));
        sb.append(indexMethod(ix));
        List<String> els = new ArrayList<>();
        for (Index.Element e : ix.elements()) {
            if (e.column() != null) {
                els.add(indexColumn(ix, e.column()));
            } else {
                if (!supportsFunctionalIndexes()) {
                    throw new CompileException("Index '" + ix.name() + "' indexes the expression " + e.expression()
                            + ", and " + dialect.name() + " has no functional indexes: index a computed column instead");
                }
                els.add("(" + e.expression() + ")");
            }
        }
        sb.append(" (").append(String.join(", ", els)).append(')');
        sb.append(indexSuffix(ix));
        if (ix.whereClause() != null) {
            if (!supportsPartialIndexes()) {
                throw new CompileException("Index '" + ix.name() + "' has a WHERE clause, and " + dialect.name()
                        + " has no partial indexes (PostgreSQL and SQLite do)");
            }
            sb.append(" WHERE ").append(ix.whereClause());
        }
        return sb.toString();
    }

    /**
     * Returns text between the table and the element list (PostgreSQL's {@code USING method}), or empty.
     *
     * @param ix the index
     * @return text between the table and the element list (PostgreSQL's {@code USING method}), or empty
     */
    protected String indexMethod(Index ix) {
        return "";
    }

    /**
     * The names (without the dialect prefix) of the index options this dialect renders; an option of this
     * dialect not listed is refused at compile time instead of being ignored.
     *
     * @return the option names, none by default
     */
    protected java.util.Set<String> indexOptionNames() {
        return java.util.Set.of();
    }

    /**
     * The prefixes of this dialect's options: {@code <dialect>_}.
     *
     * @return the prefixes
     */
    protected List<String> optionPrefixes() {
        return List.of(dialect.name() + "_");
    }

    private void checkIndexOptions(Index ix) {
        for (String key : ownOptions(ix).keySet()) {
            if (!indexOptionNames().contains(key)) {
                throw new CompileException("Index '" + ix.name() + "': " + dialect.name() + " has no index option '"
                        + key + "'" + (indexOptionNames().isEmpty() ? "; it takes none"
                        : "; known options are " + new java.util.TreeSet<>(indexOptionNames()))
                        + " (options of other dialects are ignored here)");
            }
        }
    }

    /**
     * Text between {@code UNIQUE} and {@code INDEX}: SQL Server's {@code CLUSTERED }, MySQL's {@code FULLTEXT }.
     *
     * @param ix the index
     * @return the text, empty by default
     */
    protected String indexKind(Index ix) {
        return "";
    }

    /**
     * One indexed column as written in the element list; MySQL adds a prefix length.
     *
     * @param ix the index
     * @param column the column name
     * @return the quoted column
     */
    protected String indexColumn(Index ix, String column) {
        return quote(column, false);
    }

    /**
     * Text after the element list: PostgreSQL's and SQL Server's {@code INCLUDE (...)}, MySQL's {@code USING}.
     *
     * @param ix the index
     * @return the text, empty by default
     */
    protected String indexSuffix(Index ix) {
        return "";
    }

    /**
     * Column names of an {@code INCLUDE} option value: a name or a list of names.
     *
     * @param ix the index
     * @param value the option's value
     * @return {@code  INCLUDE (a, b)}
     */
    protected String includeClause(Index ix, Object value) {
        List<String> names = new ArrayList<>();
        if (value instanceof java.util.Collection<?> c) {
            c.forEach(o -> names.add(quote(String.valueOf(o), false)));
        } else {
            names.add(quote(String.valueOf(value), false));
        }
        if (names.isEmpty()) {
            throw new CompileException("Index '" + ix.name() + "': the include option needs at least one column name");
        }
        return " INCLUDE (" + String.join(", ", names) + ")";
    }

    /**
     * The index's options for this dialect: {@code <dialect>_<name>} keys with the prefix removed.
     *
     * @param ix the index
     * @return option name to value
     */
    protected Map<String, Object> ownOptions(Index ix) {
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        for (String prefix : optionPrefixes()) {
            ix.dialectOptions().forEach((k, v) -> {
                if (k.startsWith(prefix)) {
                    out.put(k.substring(prefix.length()), v);
                }
            });
        }
        return out;
    }

    /**
     * Renders DROP INDEX.
     *
     * @param di the statement
     * @return DROP INDEX
     */
    protected String dropIndex(DropIndex di) {
        Index ix = di.index();
        String name = quote(ix.name(), ix.isNameGenerated());
        String schema = schema(ix.table().schema());
        return "DROP INDEX " + (di.ifExists() ? "IF EXISTS " : "") + (schema == null ? "" : dialect.quote(schema) + ".")
                + name;
    }

    // ------------------------------------------------------------------ sequences and types

    private void requireSequences(Sequence s) {
        if (!dialect.supportsSequences()) {
            throw new CompileException("Sequence '" + s.name() + "': " + dialect.name() + " has no sequences");
        }
    }

    /**
     * Renders CREATE SEQUENCE.
     *
     * @param s the sequence
     * @return CREATE SEQUENCE
     */
    protected String createSequence(Sequence s) {
        requireSequences(s);
        StringBuilder sb = new StringBuilder("CREATE SEQUENCE ").append(sequenceName(s));
        if (s.increment() != null) {
            sb.append(" INCREMENT BY ").append(s.increment());
        }
        if (s.start() != null) {
            sb.append(" START WITH ").append(s.start());
        }
        if (s.minValue() != null) {
            sb.append(" MINVALUE ").append(s.minValue());
        }
        if (s.maxValue() != null) {
            sb.append(" MAXVALUE ").append(s.maxValue());
        }
        if (s.cache() != null) {
            sb.append(" CACHE ").append(s.cache());
        }
        if (s.cycle()) {
            sb.append(" CYCLE");
        }
        return sb.toString();
    }

    /**
     * Renders CREATE TYPE (PostgreSQL); other databases have no separate enum types.
     *
     * @param ce the statement
     * @return CREATE TYPE (PostgreSQL); other databases have no separate enum types
     */
    protected String createEnumType(CreateEnumType ce) {
        throw new CompileException(dialect.name() + " has no CREATE TYPE; enum " + ce.type().typeName()
                + " is stored inline");
    }

    /**
     * Renders DROP TYPE (PostgreSQL).
     *
     * @param de the statement
     * @return DROP TYPE (PostgreSQL)
     */
    protected String dropEnumType(DropEnumType de) {
        throw new CompileException(dialect.name() + " has no DROP TYPE; enum " + de.type().typeName()
                + " is stored inline");
    }
}
