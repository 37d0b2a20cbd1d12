package org.retort.schema;

import static org.retort.schema.Schema.*;
import static org.retort.types.Types.*;

import java.util.List;
import java.util.Map;
import org.retort.types.EnumType;

/** Tables shared by the DDL and round-trip tests. */
final class Fixtures {
    private Fixtures() {
    }

    enum Status { DRAFT, PUBLISHED, ARCHIVED }

    static final EnumType<Status> STATUS = ENUM(Status.class);

    static NamingConvention convention() {
        return NamingConvention.of(Map.of(
                "ix", "ix_%(column_0_label)s",
                "uq", "uq_%(table_name)s_%(column_0_N_name)s",
                "ck", "ck_%(table_name)s_%(constraint_name)s",
                "fk", "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
                "pk", "pk_%(table_name)s"));
    }

    static MetaData users(MetaData md) {
        md.table("user_account",
                column("id", INTEGER, primaryKey()),
                column("name", VARCHAR(30), notNull()),
                column("fullname", TEXT));
        md.table("address",
                column("id", INTEGER, primaryKey()),
                column("user_id", INTEGER, notNull(), foreignKey("user_account.id").onDelete("CASCADE")),
                column("email_address", VARCHAR(100), notNull(), unique()));
        return md;
    }
}
