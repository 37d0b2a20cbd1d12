package org.retort.dialect.mysql;

import org.retort.schema.Column;
import org.retort.schema.Constraint;
import org.retort.schema.DdlCompiler;
import org.retort.exc.CompileException;
import org.retort.schema.Index;
import org.retort.schema.DropIndex;
import org.retort.schema.ForeignKeyConstraint;
import org.retort.schema.Table;

/**
 * MySQL's and MariaDB's DDL: {@code AUTO_INCREMENT}, inline {@code COMMENT '...'} on columns and tables,
 * {@code ON UPDATE} server values, {@code DROP INDEX name ON t}, {@code DROP FOREIGN KEY}; no DEFERRABLE.
 * MariaDB has no functional indexes.
 */
public class MysqlDdlCompiler extends DdlCompiler {
    private final boolean functionalIndexes;

    /**
     * Creates the compiler.
     *
     * @param dialect the MySQL or MariaDB dialect
     * @param functionalIndexes true where indexes on expressions work (MySQL 8.0.13+)
     */
    public MysqlDdlCompiler(MysqlDialect dialect, boolean functionalIndexes) {
        super(dialect);
        this.functionalIndexes = functionalIndexes;
    }

    /**
     * {@code mysql_length} (a prefix length for every column, or a map from column name to length),
     * {@code mysql_prefix} ({@code FULLTEXT} or {@code SPATIAL}) and {@code mysql_using} ({@code btree} or
     * {@code hash}); MariaDB takes the same options under {@code mariadb_} too.
     */
    @Override
    protected java.util.Set<String> indexOptionNames() {
        return java.util.Set.of("length", "prefix", "using");
    }

    @Override
    protected java.util.List<String> optionPrefixes() {
        return dialect.name().equals("mysql") ? java.util.List.of("mysql_") : java.util.List.of("mysql_", dialect.name() + "_");
    }

    @Override
    protected String indexKind(Index ix) {
        Object prefix = ownOptions(ix).get("prefix");
        if (prefix == null) {
            return "";
        }
        String p = prefix.toString().toUpperCase(java.util.Locale.ROOT);
        if (!p.equals("FULLTEXT") && !p.equals("SPATIAL")) {
            throw new CompileException("Index '" + ix.name() + "': mysql_prefix is FULLTEXT or SPATIAL, got " + prefix);
        }
        return p + " ";
    }

    @Override
    protected String indexColumn(Index ix, String column) {
        Object length = ownOptions(ix).get("length");
        if (length instanceof java.util.Map<?, ?> m) {
            length = m.get(column);
        }
        if (length == null) {
            return super.indexColumn(ix, column);
        }
        if (!(length instanceof Integer n) || n <= 0) {
            throw new CompileException("Index '" + ix.name() + "': mysql_length takes a positive int or a map of column"
                    + " name to int, got " + length);
        }
        return super.indexColumn(ix, column) + "(" + n + ")";
    }

    @Override
    protected String indexSuffix(Index ix) {
        Object using = ownOptions(ix).get("using");
        if (using == null) {
            return "";
        }
        String u = using.toString().toUpperCase(java.util.Locale.ROOT);
        if (!u.equals("BTREE") && !u.equals("HASH")) {
            throw new CompileException("Index '" + ix.name() + "': mysql_using is BTREE or HASH, got " + using);
        }
        return " USING " + u;
    }

    @Override
    public CommentStyle commentStyle() {
        return CommentStyle.INLINE;
    }

    @Override
    protected boolean supportsDeferrable() {
        return false;
    }

    @Override
    protected boolean supportsFunctionalIndexes() {
        return functionalIndexes;
    }

    @Override
    protected String identity(Column<?> c) {
        return null;
    }

    @Override
    protected String afterNotNull(Column<?> c) {
        StringBuilder sb = new StringBuilder();
        if (c.identity() != null && c.identity().hasSequenceOptions()) {
            throw new CompileException("Column '" + c + "': MySQL's AUTO_INCREMENT has no range, CYCLE or CACHE; "
                    + "declare the identity without them");
        }
        if (c.identity() != null || implicitAutoincrement(c)) {
            sb.append(" AUTO_INCREMENT");
        }
        if (c.serverOnUpdate() != null) {
            sb.append(" ON UPDATE ").append(c.serverOnUpdate().sql(dialect));
        }
        if (c.comment() != null) {
            sb.append(" COMMENT ").append(literal(c.comment()));
        }
        return sb.toString();
    }

    @Override
    protected String tableSuffix(Table t) {
        return t.comment() == null ? "" : " COMMENT=" + literal(t.comment());
    }

    @Override
    protected String dropIndex(DropIndex di) {
        return "DROP INDEX " + (di.ifExists() ? "IF EXISTS " : "") + quote(di.index().name(), di.index().isNameGenerated())
                + " ON " + tableName(di.index().table());
    }

    @Override
    protected String dropConstraint(Constraint c) {
        if (c instanceof ForeignKeyConstraint && c.name() != null) {
            return "ALTER TABLE " + tableName(c.table()) + " DROP FOREIGN KEY " + quote(c.name(), c.isNameGenerated());
        }
        return super.dropConstraint(c);
    }

    @Override
    protected String setTableComment(Table t) {
        return "ALTER TABLE " + tableName(t) + " COMMENT " + literal(t.comment());
    }

    /** MySQL sets a column comment by restating the whole column. */
    @Override
    protected String setColumnComment(Column<?> c) {
        return "ALTER TABLE " + tableName(c.table()) + " MODIFY " + columnSpec(c);
    }
}
