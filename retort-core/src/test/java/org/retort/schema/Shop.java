package org.retort.schema;

import static org.retort.schema.Schema.*;
import static org.retort.types.Types.*;

import java.util.List;

/**
 * A MetaData of 14 tables using every schema construct, for the create/reflect round trip and golden DDL.
 * {@code functional} adds the expression and partial indexes only some databases have.
 */
final class Shop {
    private Shop() {
    }

    static MetaData build(boolean functional, boolean partial) {
        MetaData md = new MetaData(Fixtures.convention());
        md.table("user_account",
                column("id", INTEGER, primaryKey()),
                column("name", VARCHAR(30), notNull(), comment("login name")),
                column("fullname", TEXT),
                comment("people who log in"));
        md.table("address",
                column("id", INTEGER, primaryKey()),
                column("user_id", INTEGER, notNull(), foreignKey("user_account.id").onDelete("CASCADE"), index()),
                column("email_address", VARCHAR(100), notNull(), unique()));
        md.table("order",
                column("id", BIGINT, primaryKey()),
                column("user_id", INTEGER, foreignKey("user_account.id")),
                column("status", Fixtures.STATUS, notNull()),
                column("total", NUMERIC(12, 2), notNull(), check("total >= 0").named("total_positive")),
                column("created", DATETIME, serverDefault("CURRENT_TIMESTAMP")));
        md.table("product",
                column("id", INTEGER, primaryKey(), identity()),
                column("sku", CHAR(12), notNull(), unique()),
                column("name", UNICODE(100), notNull()),
                column("data", JSON()),
                column("public_id", UUID));
        md.table("order_item",
                column("order_id", BIGINT, foreignKey("order.id").onDelete("CASCADE")),
                column("line_no", SMALLINT),
                column("product_id", INTEGER, notNull(), foreignKey("product.id")),
                column("qty", SMALLINT, notNull(), serverDefault("1")),
                column("price", NUMERIC(10, 2), notNull()),
                column("line_total", NUMERIC(12, 2), computed("qty * price", true)),
                primaryKeyConstraint("order_id", "line_no"));
        md.table("tag",
                column("id", INTEGER, primaryKey()),
                column("name", VARCHAR(50), notNull(), unique(), index()));
        md.table("product_tag",
                column("product_id", INTEGER, primaryKey(), foreignKey("product.id")),
                column("tag_id", INTEGER, primaryKey(), foreignKey("tag.id")));
        md.table("category",
                column("id", INTEGER, primaryKey()),
                column("parent_id", INTEGER, foreignKey("category.id").onDelete("SET NULL")),
                column("title", VARCHAR(80), notNull()),
                index("ix_category_title_hash", "title").dialectOption("postgresql_using", "hash"));
        md.table("department",
                column("id", INTEGER, primaryKey()),
                column("name", VARCHAR(40), notNull()),
                column("manager_id", INTEGER, foreignKey("employee.id").named("fk_department_manager").useAlter()));
        md.table("employee",
                column("id", INTEGER, primaryKey()),
                column("department_id", INTEGER, foreignKey("department.id")),
                column("hired", DATE, notNull()));
        md.table("Mixed Case",
                column("ID", INTEGER, primaryKey()),
                column("select", VARCHAR(10)),
                column("camelCol", BOOLEAN, notNull()));
        md.table("shipment",
                column("id", INTEGER, primaryKey()),
                column("order_id", BIGINT, notNull()),
                column("line_no", SMALLINT, notNull()),
                column("shipped_at", DATETIME_TZ),
                foreignKeyConstraint(List.of("order_id", "line_no"), List.of("order_item.order_id", "order_item.line_no"))
                        .onUpdate("CASCADE"));
        md.table("event_log",
                column("id", BIGINT, primaryKey()),
                column("kind", VARCHAR(20), notNull()),
                column("at", DATETIME, notNull()),
                column("took", INTERVAL),
                column("payload", LARGE_BINARY),
                column("flag", BOOLEAN, notNull(), serverDefault("FALSE")),
                column("ratio", DOUBLE),
                column("score", FLOAT),
                column("moment", TIME),
                index("ix_event_kind_at", "kind", "at"));
        if (functional) {
            md.table("event_lookup",
                    column("id", INTEGER, primaryKey()),
                    column("kind", VARCHAR(20), notNull()),
                    index("ix_event_lookup_lower").expression("lower(kind)"));
        }
        if (partial) {
            md.table("event_flag",
                    column("id", INTEGER, primaryKey()),
                    column("at", DATETIME, notNull()),
                    column("flag", BOOLEAN, notNull()),
                    index("ix_event_flag_recent", "at").where("flag = TRUE"));
        }
        md.table("account",
                column("id", INTEGER, primaryKey()),
                column("region", VARCHAR(10), notNull()),
                column("number", INTEGER, notNull()),
                column("balance", NUMERIC(14, 2), notNull(), serverDefault("0")),
                uniqueConstraint("region", "number"),
                check("balance > -1000").named("overdraft_limit"),
                comment("it's a \"quoted\" comment"));
        return md;
    }
}
