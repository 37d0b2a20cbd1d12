package org.retort.migrate.cli;

import static org.retort.schema.Schema.column;
import static org.retort.schema.Schema.index;
import static org.retort.schema.Schema.notNull;
import static org.retort.schema.Schema.primaryKey;
import static org.retort.types.Types.INTEGER;
import static org.retort.types.Types.VARCHAR;

import org.retort.schema.MetaData;

/** The application model the CLI test points {@code metadata=} at. */
public final class CliModel {
    /** Version one. */
    public static final MetaData METADATA = new MetaData();
    /** Version two: one more column. */
    public static final MetaData WIDER = new MetaData();

    static {
        METADATA.table("cli_book",
                column("id", INTEGER, primaryKey()),
                column("title", VARCHAR(100), notNull()),
                index("ix_cli_book_title", "title"));
        WIDER.table("cli_book",
                column("id", INTEGER, primaryKey()),
                column("title", VARCHAR(100), notNull()),
                column("isbn", VARCHAR(13)),
                index("ix_cli_book_title", "title"));
    }

    private CliModel() {
    }
}
