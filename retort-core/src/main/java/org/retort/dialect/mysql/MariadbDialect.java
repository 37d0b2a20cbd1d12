package org.retort.dialect.mysql;

/**
 * MariaDB: MySQL's dialect plus INSERT/DELETE ... RETURNING (10.5+) and sequences (10.3+).
 */
public class MariadbDialect extends MysqlDialect {
    /** Creates the MariaDB dialect; engines get theirs from {@link org.retort.dialect.Dialects}. */
    public MariadbDialect() {
    }

    @Override
    public String name() {
        return "mariadb";
    }

    @Override
    public boolean supportsReturning() {
        return serverVersion().atLeast(10, 5);
    }

    /** InnoDB hands out AUTO_INCREMENT values of a multi-row INSERT in the order of its VALUES rows. */
    @Override
    public boolean insertManyValuesAutoincrementInOrder() {
        return true;
    }

    /** MariaDB's RETURNING is for INSERT and DELETE only. */
    @Override
    public boolean supportsUpdateReturning() {
        return false;
    }

    @Override
    public boolean supportsSequences() {
        return serverVersion().atLeast(10, 3);
    }

    // ------------------------------------------------------------------ schema: types, DDL, reflection

    /** MariaDB has no indexes on expressions. */
    @Override
    public org.retort.schema.DdlCompiler ddlCompiler() {
        return new MysqlDdlCompiler(this, false);
    }
}
