package org.retort.migrate.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import org.retort.migrate.Migration;
import org.retort.migrate.MigrationException;
import org.retort.migrate.Operations;
import org.retort.migrate.RevisionScript;

/**
 * A revision written as a plain SQL file: header comments give its identity, and {@code -- upgrade} /
 * {@code -- downgrade} lines split the two directions. Statements end with a semicolon at the end of a line.
 *
 * <pre>
 * -- revision: 3f2a9c1b7d4e
 * -- down: 1a2b3c4d5e6f
 * -- message: add an index on email
 * -- upgrade
 * CREATE INDEX ix_account_email ON account (email);
 * -- downgrade
 * DROP INDEX ix_account_email;
 * </pre>
 */
public final class SqlFileRevision implements Migration {
    private final List<String> upgrade;
    private final List<String> downgrade;

    private SqlFileRevision(List<String> upgrade, List<String> downgrade) {
        this.upgrade = upgrade;
        this.downgrade = downgrade;
    }

    @Override
    public void upgrade(Operations op) {
        upgrade.forEach(op::execute);
    }

    @Override
    public void downgrade(Operations op) {
        downgrade.forEach(op::execute);
    }

    /**
     * Reads a revision file.
     *
     * @param file the file
     * @return the revision
     * @throws MigrationException when the header lacks a revision id
     */
    public static RevisionScript read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new MigrationException("Cannot read revision file " + file + ": " + e.getMessage(), e);
        }
        String id = null;
        String message = "";
        List<String> down = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        List<String> depends = new ArrayList<>();
        StringBuilder up = new StringBuilder();
        StringBuilder dn = new StringBuilder();
        StringBuilder section = null;
        for (String line : text.split("\r?\n", -1)) {
            String t = line.trim();
            String lower = t.toLowerCase(Locale.ROOT);
            if (lower.startsWith("--")) {
                String body = t.substring(2).trim();
                String key = body.contains(":") ? body.substring(0, body.indexOf(':')).trim().toLowerCase(Locale.ROOT) : body.toLowerCase(Locale.ROOT);
                String value = body.contains(":") ? body.substring(body.indexOf(':') + 1).trim() : "";
                switch (key) {
                    case "revision" -> id = value;
                    case "down" -> down.addAll(list(value));
                    case "message" -> message = value;
                    case "labels" -> labels.addAll(list(value));
                    case "depends on", "depends_on" -> depends.addAll(list(value));
                    case "upgrade" -> section = up;
                    case "downgrade" -> section = dn;
                    default -> {
                        if (section != null) {
                            section.append(line).append('\n');
                        }
                    }
                }
                continue;
            }
            if (section != null) {
                section.append(line).append('\n');
            }
        }
        if (id == null) {
            throw new MigrationException("Revision file " + file + " has no '-- revision: <id>' header line");
        }
        SqlFileRevision m = new SqlFileRevision(statements(up.toString()), statements(dn.toString()));
        return new RevisionScript(id, down, message, new LinkedHashSet<>(labels), depends, file.toString(), () -> m);
    }

    private static List<String> list(String value) {
        List<String> out = new ArrayList<>();
        for (String s : value.split("[,\\s]+")) {
            if (!s.isBlank()) {
                out.add(s.trim());
            }
        }
        return out;
    }

    /**
     * Splits a script at semicolons that end a line.
     *
     * @param script the SQL
     * @return the statements, without terminators
     */
    static List<String> statements(String script) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (String line : script.split("\n", -1)) {
            String t = line.stripTrailing();
            if (t.endsWith(";")) {
                cur.append(t, 0, t.length() - 1);
                if (!cur.toString().isBlank()) {
                    out.add(cur.toString().strip());
                }
                cur.setLength(0);
            } else {
                cur.append(line).append('\n');
            }
        }
        if (!cur.toString().isBlank()) {
            out.add(cur.toString().strip());
        }
        return out;
    }
}
