package org.retort.sql;

import java.util.ArrayList;
import java.util.List;
import org.retort.dialect.Dialect;
import org.retort.dialect.h2.H2Dialect;
import org.retort.dialect.mssql.MssqlDialect;
import org.retort.dialect.mysql.MariadbDialect;
import org.retort.dialect.mysql.MysqlDialect;
import org.retort.dialect.oracle.OracleDialect;
import org.retort.dialect.postgresql.PostgresqlDialect;
import org.retort.dialect.sqlite.SqliteDialect;
import org.retort.types.SqlType;

/** Tables and dialects shared by the compiler tests, in the style of SQLAlchemy's test_compiler.py. */
public final class Fixtures {
    private Fixtures() {
    }

    /** A test table with typed columns and foreign keys. */
    public static final class T extends TableClause {
        private final List<ForeignKeyPair> fks = new ArrayList<>();

        /**
         * Creates a table.
         *
         * @param name name
         * @param schema schema or null
         */
        public T(String name, String schema) {
            super(name, schema);
        }

        /**
         * Adds a column.
         *
         * @param name name
         * @param type type
         * @param <X> java type
         * @return the column
         */
        public <X> ColumnClause<X> col(String name, SqlType<X> type) {
            ColumnClause<X> c = new ColumnClause<>(name, type, this);
            addColumn(c);
            return c;
        }

        /**
         * Adds a foreign key pair.
         *
         * @param column local
         * @param referred remote
         * @return this
         */
        public T fk(ColumnClause<?> column, ColumnClause<?> referred) {
            fks.add(new ForeignKeyPair(column, referred));
            return this;
        }

        @Override
        public List<ForeignKeyPair> foreignKeyPairs() {
            return fks;
        }
    }

    public static final Dialect SQLITE = new SqliteDialect();
    public static final Dialect PG = new PostgresqlDialect();
    public static final Dialect MYSQL = new MysqlDialect();
    public static final Dialect MARIADB = new MariadbDialect();
    public static final Dialect H2 = new H2Dialect();
    public static final Dialect ORACLE = new OracleDialect();
    public static final Dialect MSSQL = new MssqlDialect();

    public static final T USERS = new T("user_account", null);
    public static final ColumnClause<Integer> USER_ID = USERS.col("id", TestTypes.INTEGER);
    public static final ColumnClause<String> USER_NAME = USERS.col("name", TestTypes.VARCHAR);
    public static final ColumnClause<String> FULLNAME = USERS.col("fullname", TestTypes.VARCHAR);

    public static final T ADDRESSES = new T("address", null);
    public static final ColumnClause<Integer> ADDRESS_ID = ADDRESSES.col("id", TestTypes.INTEGER);
    public static final ColumnClause<Integer> ADDRESS_USER_ID = ADDRESSES.col("user_id", TestTypes.INTEGER);
    public static final ColumnClause<String> EMAIL = ADDRESSES.col("email_address", TestTypes.VARCHAR);

    public static final T ORDERS = new T("orders", "sales");
    public static final ColumnClause<Integer> ORDER_ID = ORDERS.col("id", TestTypes.INTEGER);
    public static final ColumnClause<Integer> ORDER_USER = ORDERS.col("user_id", TestTypes.INTEGER);
    public static final ColumnClause<Integer> AMOUNT = ORDERS.col("amount", TestTypes.INTEGER);

    public static final T MIXED = new T("MixedCase", null);
    public static final ColumnClause<Integer> MIXED_ID = MIXED.col("Id", TestTypes.INTEGER);
    public static final ColumnClause<String> MIXED_SELECT = MIXED.col("select", TestTypes.VARCHAR);

    public static final T PARTS = new T("parts", null);
    public static final ColumnClause<String> PART = PARTS.col("part", TestTypes.VARCHAR);
    public static final ColumnClause<String> SUB_PART = PARTS.col("sub_part", TestTypes.VARCHAR);
    public static final ColumnClause<Integer> QUANTITY = PARTS.col("quantity", TestTypes.INTEGER);

    static {
        ADDRESSES.fk(ADDRESS_USER_ID, USER_ID);
        ORDERS.fk(ORDER_USER, USER_ID);
    }
}
