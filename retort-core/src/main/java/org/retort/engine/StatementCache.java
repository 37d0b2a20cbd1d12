package org.retort.engine;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The prepared statements of one checked-out connection, kept for reuse by SQL text (what pysqlite's
 * {@code cached_statements} does for SQLAlchemy on SQLite). Executing the same SQL again on the connection, as
 * every batch of an insertmanyvalues or every row of a loop does, skips the driver's prepare: on SQLite, preparing
 * a 1,000-row INSERT costs about a quarter of a millisecond.
 *
 * <p>A statement is <em>leased</em> while its result is open and comes back when the result is closed, so two
 * open results never share a statement. The least recently used idle statement is closed beyond the capacity,
 * and every idle statement when the connection goes back to the pool.
 */
final class StatementCache {
    private record Key(String sql, boolean generatedKeys) {
    }

    private final int capacity;
    private final LinkedHashMap<Key, PreparedStatement> idle = new LinkedHashMap<>(16, 0.75f, true);
    private final Map<PreparedStatement, Key> leased = new IdentityHashMap<>();

    StatementCache(int capacity) {
        this.capacity = capacity;
    }

    /** {@return a statement for the SQL: an idle one prepared before, or a new one; leased until {@link #release}} */
    PreparedStatement take(java.sql.Connection jdbc, String sql, boolean generatedKeys) throws SQLException {
        Key key = new Key(sql, generatedKeys);
        PreparedStatement ps = capacity > 0 ? idle.remove(key) : null;
        if (ps == null) {
            ps = generatedKeys ? jdbc.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS) : jdbc.prepareStatement(sql);
        }
        leased.put(ps, key);
        return ps;
    }

    /** Takes back a leased statement whose result is closed, keeping it for reuse or closing it. */
    void release(PreparedStatement ps) throws SQLException {
        Key key = leased.remove(ps);
        if (key == null || capacity == 0) {
            ps.close();
            return;
        }
        PreparedStatement other = idle.put(key, ps);
        if (other != null) {
            other.close();
        }
        if (idle.size() > capacity) {
            Iterator<PreparedStatement> eldest = idle.values().iterator();
            PreparedStatement gone = eldest.next();
            eldest.remove();
            gone.close();
        }
    }

    /** Closes a leased statement that failed; it is not reused. */
    void discard(PreparedStatement ps) {
        if (ps == null) {
            return;
        }
        leased.remove(ps);
        try {
            ps.close();
        } catch (SQLException ignored) {
            // already failing: the caller reports the original error
        }
    }

    /** Closes the idle statements; leased ones are closed when their results are. */
    void closeIdle() {
        for (PreparedStatement ps : idle.values()) {
            try {
                ps.close();
            } catch (SQLException ignored) {
                // the connection is going back to the pool, which resets it
            }
        }
        idle.clear();
        leased.clear();
    }
}
