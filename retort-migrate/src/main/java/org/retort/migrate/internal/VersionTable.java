package org.retort.migrate.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.retort.engine.Connection;
import org.retort.engine.Row;
import org.retort.inspect.Inspector;
import org.retort.schema.CreateTable;
import org.retort.schema.MetaData;
import org.retort.schema.Schema;
import org.retort.schema.Table;
import org.retort.schema.TableElement;
import org.retort.types.Types;

/**
 * The table recording which revisions the database is at (Alembic's {@code alembic_version}): one row per head,
 * {@code version_num VARCHAR(32)} as its primary key. Revision ids are checked to be letters, digits and
 * underscores, so they are written inline as literals, the same statements online and offline.
 */
public final class VersionTable {
    private final String schema;
    private final String name;
    private final DdlImpl impl;

    /**
     * Describes the version table of one database.
     *
     * @param schema the schema, or null
     * @param name the table name
     * @param impl the SQL renderer
     */
    public VersionTable(String schema, String name, DdlImpl impl) {
        this.schema = schema;
        this.name = name;
        this.impl = impl;
    }

    /** {@return the table's name} */
    public String name() {
        return name;
    }

    /** {@return CREATE TABLE for the version table} */
    public String createSql() {
        List<TableElement> els = new ArrayList<>(List.of(Schema.column("version_num", Types.VARCHAR(32), Schema.notNull()),
                Schema.primaryKeyConstraint("version_num").named(name + "_pkc")));
        if (schema != null) {
            els.add(Schema.schema(schema));
        }
        Table t = new MetaData().table(name, els.toArray(TableElement[]::new));
        return impl.compile(new CreateTable(t));
    }

    /**
     * {@return true when the table exists}
     *
     * @param conn the connection
     */
    public boolean exists(Connection conn) {
        return Inspector.of(conn).hasTable(name, schema);
    }

    /**
     * Reads the heads; none when the table does not exist.
     *
     * @param conn the connection
     * @return the revisions the database is at
     */
    public Set<String> read(Connection conn) {
        Set<String> out = new LinkedHashSet<>();
        if (!exists(conn)) {
            return out;
        }
        for (Row r : conn.execute(new RawSql("SELECT version_num FROM " + impl.table(schema, name)))) {
            out.add(String.valueOf(r.get(0)).trim());
        }
        return out;
    }

    /**
     * The statements that move the recorded heads from one set to another: UPDATE where one head replaces another,
     * INSERT for a new branch, DELETE for a head that goes away.
     *
     * @param before the heads recorded now
     * @param after the heads to record
     * @return the statements
     */
    public List<String> change(Collection<String> before, Collection<String> after) {
        List<String> removed = new ArrayList<>(before);
        removed.removeAll(after);
        List<String> added = new ArrayList<>(after);
        added.removeAll(before);
        List<String> out = new ArrayList<>();
        String t = impl.table(schema, name);
        int pairs = Math.min(removed.size(), added.size());
        for (int i = 0; i < pairs; i++) {
            out.add("UPDATE " + t + " SET version_num='" + added.get(i) + "' WHERE " + t + ".version_num = '"
                    + removed.get(i) + "'");
        }
        for (int i = pairs; i < added.size(); i++) {
            out.add("INSERT INTO " + t + " (version_num) VALUES ('" + added.get(i) + "')");
        }
        for (int i = pairs; i < removed.size(); i++) {
            out.add("DELETE FROM " + t + " WHERE " + t + ".version_num = '" + removed.get(i) + "'");
        }
        return out;
    }

    /** {@return DROP TABLE for the version table} */
    public String dropSql() {
        return "DROP TABLE " + impl.table(schema, name);
    }
}
