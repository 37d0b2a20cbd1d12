package org.retort.engine;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.retort.sql.Compiled;
import org.retort.sql.StatementKind;

/**
 * When to ask the driver for generated keys, and which column of its answer is the key.
 *
 * <p>Drivers differ: SQLite and MariaDB report one column (the row id / {@code LAST_INSERT_ID()}); H2 reports the
 * identity columns; pgJDBC appends {@code RETURNING *} and reports every column, so the key is the first
 * auto-increment (serial or identity) column, else the first column.
 */
final class GeneratedKeys {
    private static final Pattern LEADING_INSERT = Pattern.compile(
            "\\A(?:\\s+|--[^\\n]*\\n|/\\*.*?\\*/)*insert\\b", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern RETURNING = Pattern.compile("\\breturning\\b", Pattern.CASE_INSENSITIVE);

    private GeneratedKeys() {
    }

    /**
     * Whether to prepare with {@code RETURN_GENERATED_KEYS}: for an INSERT construct without RETURNING, and for a
     * textual INSERT executed once (a batch of textual INSERTs is left alone, so drivers can rewrite it).
     */
    static boolean wanted(Compiled compiled, String sql, boolean executemany) {
        if (compiled.isReturning()) {
            return false;
        }
        if (compiled.kind() == StatementKind.INSERT) {
            return true;
        }
        return compiled.kind() == StatementKind.TEXT && !executemany && mayBeInsert(sql)
                && LEADING_INSERT.matcher(sql).find() && !RETURNING.matcher(sql.toLowerCase(Locale.ROOT)).find();
    }

    /**
     * A cheap first test before the pattern, which every textual statement met on each execution: the first
     * character that is not white space opens an INSERT or a comment.
     */
    private static boolean mayBeInsert(String sql) {
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (!Character.isWhitespace(c)) {
                return c == 'i' || c == 'I' || c == '-' || c == '/';
            }
        }
        return false;
    }

    static List<Object> read(PreparedStatement ps) {
        List<Object> keys = new ArrayList<>();
        try (ResultSet rs = ps.getGeneratedKeys()) {
            if (rs == null) {
                return List.of();
            }
            int column = keyColumn(rs.getMetaData());
            while (rs.next()) {
                keys.add(rs.getObject(column));
            }
        } catch (SQLException e) {
            // some drivers cannot report keys for some statements; the keys are then unknown
            return List.of();
        }
        return keys;
    }

    private static int keyColumn(ResultSetMetaData md) throws SQLException {
        int n = md.getColumnCount();
        if (n > 1) {
            for (int i = 1; i <= n; i++) {
                if (md.isAutoIncrement(i)) {
                    return i;
                }
            }
        }
        return 1;
    }
}
