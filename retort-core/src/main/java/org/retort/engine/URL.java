package org.retort.engine;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.retort.exc.ArgumentException;

/**
 * A database URL in SQLAlchemy's form, {@code dialect[+driver]://user:password@host:port/database?option=value},
 * or a raw {@code jdbc:} URL.
 *
 * <p>Forms understood:
 * <pre>
 * sqlite:///relative/app.db        sqlite:////absolute/app.db       sqlite://   (in-memory)
 * postgresql://scott:tiger@localhost:5432/test?sslmode=disable      postgresql+pgjdbc://...
 * mysql://root@127.0.0.1/test      mariadb://root@127.0.0.1:3306/test
 * h2:mem:name                      h2:file:/path/to/db              jdbc:postgresql://host/db (any jdbc: URL)
 * </pre>
 * User name and password are percent-decoded. Query options are passed to the JDBC driver as connection
 * properties, except the ones the dialect reads itself. {@link #toString()} masks the password, so a URL is safe
 * to log; {@link #renderWithPassword()} is the only way to get it back into a string.
 *
 * <p>Instances are immutable; the {@code with*} methods return modified copies.
 */
public final class URL {
    private static final Pattern FORM = Pattern.compile(
            "(?<name>[A-Za-z0-9_]+)(?:\\+(?<driver>[A-Za-z0-9_]+))?://"
                    + "(?:(?<user>[^:@/]*)(?::(?<password>[^@/]*))?@)?"
                    + "(?<host>\\[[^]]+]|[^:/?]*)?(?::(?<port>\\d+))?"
                    + "(?:/(?<database>[^?]*))?(?:\\?(?<query>.*))?");

    private final String backend;
    private final String driver;
    private final String username;
    private final String password;
    private final String host;
    private final Integer port;
    private final String database;
    private final Map<String, String> query;
    private final String jdbcUrl;

    private URL(String backend, String driver, String username, String password, String host, Integer port,
                String database, Map<String, String> query, String jdbcUrl) {
        this.backend = backend;
        this.driver = driver;
        this.username = username;
        this.password = password;
        this.host = host;
        this.port = port;
        this.database = database;
        this.query = Collections.unmodifiableMap(new LinkedHashMap<>(query));
        this.jdbcUrl = jdbcUrl;
    }

    /**
     * Parses a URL string.
     *
     * @param url the URL, in SQLAlchemy's form or as a raw {@code jdbc:} URL
     * @return the parsed URL
     * @throws ArgumentException when the string is not a URL Retort understands
     */
    public static URL parse(String url) {
        Objects.requireNonNull(url, "url");
        String s = url.strip();
        if (s.startsWith("jdbc:")) {
            String rest = s.substring(5);
            int colon = rest.indexOf(':');
            String sub = colon < 0 ? rest : rest.substring(0, colon);
            return new URL(backendOfJdbc(sub), null, null, null, null, null, null, Map.of(), s);
        }
        if (s.startsWith("h2:") && !s.startsWith("h2://")) {
            String rest = s.substring(3);
            int q = rest.indexOf('?');
            Map<String, String> query = q < 0 ? Map.of() : parseQuery(rest.substring(q + 1));
            return new URL("h2", null, null, null, null, null, q < 0 ? rest : rest.substring(0, q), query, null);
        }
        Matcher m = FORM.matcher(s);
        if (!m.matches()) {
            throw new ArgumentException("Could not parse database URL '" + maskRaw(s) + "': expected "
                    + "dialect[+driver]://user:password@host:port/database, e.g. sqlite:///app.db or "
                    + "postgresql://scott:tiger@localhost/test, or a jdbc: URL; percent-encode special characters "
                    + "in the user name and password ('@' as %40, '/' as %2F, ':' as %3A, '%' as %25)");
        }
        String host = emptyToNull(m.group("host"));
        if (host != null && host.indexOf('@') >= 0 || m.group("database") != null && m.group("database").indexOf('@') >= 0
                && m.group("user") != null) {
            throw new ArgumentException("Could not parse database URL '" + maskRaw(s) + "': it has more than one '@'. "
                    + "Percent-encode '@' in the user name or password as %40 (and '/' as %2F, ':' as %3A, '%' as %25), "
                    + "e.g. postgresql://scott:p%40ss@localhost/test");
        }
        if (host != null && host.startsWith("[")) {
            host = host.substring(1, host.length() - 1);
        }
        return new URL(m.group("name").toLowerCase(java.util.Locale.ROOT), m.group("driver"),
                decode(m.group("user")), decode(m.group("password")), host,
                m.group("port") == null ? null : Integer.valueOf(m.group("port")),
                emptyToNull(m.group("database")), m.group("query") == null ? Map.of() : parseQuery(m.group("query")),
                null);
    }

    /**
     * Starts a URL from parts, for code that builds one rather than parsing a string.
     *
     * @param backend the database name: sqlite, postgresql, mysql, mariadb, h2, oracle, mssql
     * @return a URL with only the backend set
     */
    public static URL of(String backend) {
        return new URL(backend, null, null, null, null, null, null, Map.of(), null);
    }

    private static String backendOfJdbc(String subprotocol) {
        return switch (subprotocol) {
            case "postgresql", "pgsql" -> "postgresql";
            case "mysql" -> "mysql";
            case "mariadb" -> "mariadb";
            case "sqlserver" -> "mssql";
            default -> subprotocol;
        };
    }

    private static Map<String, String> parseQuery(String q) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : q.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String k = eq < 0 ? pair : pair.substring(0, eq);
            String v = eq < 0 ? "" : pair.substring(eq + 1);
            out.put(decode(k), decode(v));
        }
        return out;
    }

    private static String decode(String s) {
        return s == null ? null : URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    private static String maskRaw(String s) {
        return Credentials.mask(s);
    }

    /** {@return the database family: sqlite, postgresql, mysql, mariadb, h2, oracle, mssql, ...} */
    public String backend() {
        return backend;
    }

    /** {@return the driver named after {@code +} in the scheme, if any} */
    public Optional<String> driver() {
        return Optional.ofNullable(driver);
    }

    /** {@return the user name, if any} */
    public Optional<String> username() {
        return Optional.ofNullable(username);
    }

    /** {@return the password, if any; never printed by {@link #toString()}} */
    public Optional<String> password() {
        return Optional.ofNullable(password);
    }

    /** {@return the host, if any} */
    public Optional<String> host() {
        return Optional.ofNullable(host);
    }

    /** {@return the port, if any} */
    public Optional<Integer> port() {
        return Optional.ofNullable(port);
    }

    /** {@return the database (for SQLite and H2 the file or {@code mem:name} part), if any} */
    public Optional<String> database() {
        return Optional.ofNullable(database);
    }

    /** {@return the query options, in the order given} */
    public Map<String, String> query() {
        return query;
    }

    /** {@return the raw {@code jdbc:} URL when this URL was given as one} */
    public Optional<String> jdbcUrl() {
        return Optional.ofNullable(jdbcUrl);
    }

    /**
     * Returns a copy with another database.
     *
     * @param newDatabase the database name, or null for none
     * @return the new URL
     */
    public URL withDatabase(String newDatabase) {
        return new URL(backend, driver, username, password, host, port, newDatabase, query, jdbcUrl);
    }

    /**
     * Returns a copy with another user and password.
     *
     * @param newUsername the user, or null
     * @param newPassword the password, or null
     * @return the new URL
     */
    public URL withCredentials(String newUsername, String newPassword) {
        return new URL(backend, driver, newUsername, newPassword, host, port, database, query, jdbcUrl);
    }

    /**
     * Returns a copy with another host and port.
     *
     * @param newHost the host, or null
     * @param newPort the port, or null
     * @return the new URL
     */
    public URL withHost(String newHost, Integer newPort) {
        return new URL(backend, driver, username, password, newHost, newPort, database, query, jdbcUrl);
    }

    /**
     * Returns a copy with one query option added or replaced.
     *
     * @param key the option
     * @param value its value
     * @return the new URL
     */
    public URL withQuery(String key, String value) {
        Map<String, String> q = new LinkedHashMap<>(query);
        q.put(key, value);
        return new URL(backend, driver, username, password, host, port, database, q, jdbcUrl);
    }

    /**
     * Returns a copy without the given query options.
     *
     * @param keys the options to drop
     * @return the new URL
     */
    public URL withoutQuery(String... keys) {
        Map<String, String> q = new LinkedHashMap<>(query);
        for (String k : keys) {
            q.remove(k);
        }
        return new URL(backend, driver, username, password, host, port, database, q, jdbcUrl);
    }

    /** {@return the URL with its password in clear text; never log the result} */
    public String renderWithPassword() {
        return render(false);
    }

    /** {@return the URL with the password replaced by {@code ***}} */
    @Override
    public String toString() {
        return render(true);
    }

    private String render(boolean mask) {
        if (jdbcUrl != null) {
            return mask ? maskRaw(jdbcUrl) : jdbcUrl;
        }
        if ("h2".equals(backend) && host == null && database != null && !database.startsWith("/")) {
            return "h2:" + database + renderQuery(mask);
        }
        StringBuilder sb = new StringBuilder(backend);
        if (driver != null) {
            sb.append('+').append(driver);
        }
        sb.append("://");
        if (username != null) {
            sb.append(encode(username));
            if (password != null) {
                sb.append(':').append(mask ? "***" : encode(password));
            }
            sb.append('@');
        }
        if (host != null) {
            sb.append(host.contains(":") ? "[" + host + "]" : host);
        }
        if (port != null) {
            sb.append(':').append(port);
        }
        if (database != null) {
            sb.append('/').append(database);
        }
        return sb.append(renderQuery(mask)).toString();
    }

    private String renderQuery(boolean mask) {
        if (query.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder("?");
        query.forEach((k, v) -> {
            if (sb.length() > 1) {
                sb.append('&');
            }
            sb.append(encode(k)).append('=').append(mask && Credentials.isSensitiveKey(k) ? "***" : encode(v));
        });
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof URL u && Objects.equals(backend, u.backend) && Objects.equals(driver, u.driver)
                && Objects.equals(username, u.username) && Objects.equals(password, u.password)
                && Objects.equals(host, u.host) && Objects.equals(port, u.port)
                && Objects.equals(database, u.database) && query.equals(u.query) && Objects.equals(jdbcUrl, u.jdbcUrl);
    }

    @Override
    public int hashCode() {
        return Objects.hash(backend, driver, username, host, port, database, query, jdbcUrl);
    }
}
