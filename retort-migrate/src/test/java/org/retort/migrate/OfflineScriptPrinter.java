package org.retort.migrate;

import static org.retort.schema.Schema.column;
import static org.retort.schema.Schema.comment;
import static org.retort.schema.Schema.foreignKey;
import static org.retort.schema.Schema.notNull;
import static org.retort.schema.Schema.primaryKey;
import static org.retort.schema.Schema.serverDefault;
import static org.retort.types.Types.INTEGER;
import static org.retort.types.Types.NUMERIC;
import static org.retort.types.Types.VARCHAR;

import java.util.List;
import java.util.Map;
import org.retort.schema.Table;

/** Two revisions whose offline scripts are checked as golden text on five databases. */
final class OfflineScriptPrinter {
    private OfflineScriptPrinter() {
    }

    @Revision(id = "1975ea83b712", message = "create account")
    public static class CreateAccount implements Migration {
        @Override
        public void upgrade(Operations op) {
            Table account = op.createTable("account",
                    column("id", INTEGER, primaryKey()),
                    column("name", VARCHAR(50), notNull()),
                    column("balance", NUMERIC(10, 2)),
                    comment("Customer accounts"));
            op.bulkInsert(account, List.of(Map.of("id", 1, "name", "O'Brien")));
        }

        @Override
        public void downgrade(Operations op) {
            op.dropTable("account");
        }
    }

    static Table accountBefore(Operations op) {
        return op.table("account", column("id", INTEGER, primaryKey()), column("name", VARCHAR(50), notNull()),
                column("balance", NUMERIC(10, 2)), column("email", VARCHAR(100)));
    }

    static Table accountAfter(Operations op) {
        return op.table("account", column("id", INTEGER, primaryKey()), column("name", VARCHAR(80)),
                column("balance", NUMERIC(10, 2), serverDefault("0")), column("email", VARCHAR(100)));
    }

    @Revision(id = "ae1027a6acf0", down = "1975ea83b712", message = "add orders")
    public static class AddOrders implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.createTable("orders",
                    column("id", INTEGER, primaryKey()),
                    column("account_id", INTEGER, notNull(), foreignKey("account.id").named("fk_orders_account")));
            op.addColumn("account", column("email", VARCHAR(100)));
            op.batchAlterTable("account", accountBefore(op), batch -> batch
                    .alterColumn("name", AlterColumn.change().type(VARCHAR(80)).nullable(true)
                            .existingType(VARCHAR(50)).existingNullable(false))
                    .alterColumn("balance", AlterColumn.change().serverDefault("0")
                            .existingType(NUMERIC(10, 2)).existingNullable(true)));
            op.createIndex("ix_account_email", "account", "email");
            op.renameTable("orders", "purchase");
        }

        @Override
        public void downgrade(Operations op) {
            op.renameTable("purchase", "orders");
            op.dropIndex("ix_account_email", "account");
            op.batchAlterTable("account", accountAfter(op), batch -> batch
                    .alterColumn("balance", AlterColumn.change().dropServerDefault()
                            .existingType(NUMERIC(10, 2)).existingNullable(true).existingServerDefault("0"))
                    .alterColumn("name", AlterColumn.change().type(VARCHAR(50)).nullable(false)
                            .existingType(VARCHAR(80)).existingNullable(true)));
            op.dropColumn("account", "email");
            op.dropTable("orders");
        }
    }
}
