package org.retort.engine;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds and hides the secrets a database URL can carry, wherever a URL or a driver's message about it is shown.
 * A JDBC URL hides credentials in several places: {@code //user:password@host}, Oracle's
 * {@code thin:user/password@host}, and options spelled {@code password}, {@code PWD}, {@code passwd},
 * {@code keyStorePassword}, {@code secret}, {@code token} and the like after {@code ?}, {@code &}, {@code ;}, a
 * space or inside MariaDB's {@code (key=value)} address form (SQL Server's {@code {braced;values}} included).
 * Masking errs towards hiding too much: a masked URL may lose a little that was harmless, never a secret.
 */
final class Credentials {
    private static final String MASK = "***";
    private static final String[] SENSITIVE = {"password", "passwd", "pwd", "secret", "token", "credential",
            "apikey", "api_key", "accesskey", "access_key", "passphrase", "privatekeypass"};
    private static final Pattern KEY_VALUE = Pattern.compile("([A-Za-z0-9_.\\-]+)\\s*=\\s*");
    private static final Pattern ORACLE = Pattern.compile("(?i)(jdbc:oracle:[a-z0-9]+:[^/@:;]*/)");

    private Credentials() {
    }

    /**
     * Whether an option name holds a secret.
     *
     * @param key the option name, any case
     * @return true for password-like names
     */
    static boolean isSensitiveKey(String key) {
        String k = key.toLowerCase(Locale.ROOT);
        for (String s : SENSITIVE) {
            if (k.contains(s)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Masks every credential in a URL-like text: user-info passwords, Oracle's user/password form, and the values
     * of password-like options.
     *
     * @param text a URL as the user wrote it, or a message that may contain one
     * @return the text with each secret replaced by {@code ***}
     */
    static String mask(String text) {
        if (text == null) {
            return null;
        }
        return mask(text, new ArrayList<>());
    }

    private static String mask(String text, List<String> removed) {
        return maskOptions(maskOracle(maskUserInfo(text, removed), removed), removed);
    }

    private static String maskUserInfo(String s, List<String> removed) {
        int scheme = s.indexOf("://");
        if (scheme < 0) {
            return s;
        }
        int start = scheme + 3;
        int firstAt = s.indexOf('@', start);
        if (firstAt < 0) {
            return s;
        }
        int colon = s.indexOf(':', start);
        if (colon < 0 || colon > firstAt || s.substring(start, colon).indexOf('/') >= 0) {
            return s;
        }
        // an unencoded '@' may sit in the password: it ends at the last '@' before the path or query, or at the
        // last '@' of all when it holds a '/' or '?' itself (then a little more is hidden than needed)
        int at;
        if (s.substring(colon, firstAt).matches("[^/?]*")) {
            int pathOrQuery = indexOfAny(s, "/?", firstAt);
            at = s.lastIndexOf('@', pathOrQuery < 0 ? s.length() : pathOrQuery);
        } else {
            at = s.lastIndexOf('@');
        }
        removed.add(s.substring(colon + 1, at));
        return s.substring(0, colon + 1) + MASK + s.substring(at);
    }

    private static int indexOfAny(String s, String chars, int from) {
        for (int i = from; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    private static String maskOracle(String s, List<String> removed) {
        Matcher m = ORACLE.matcher(s);
        if (!m.find()) {
            return s;
        }
        int at = s.indexOf('@', m.end());
        if (at < 0) {
            return s;
        }
        removed.add(s.substring(m.end(), at));
        return s.substring(0, m.end()) + MASK + s.substring(at);
    }

    private static String maskOptions(String s, List<String> removed) {
        Matcher m = KEY_VALUE.matcher(s);
        StringBuilder out = new StringBuilder();
        int copied = 0;
        while (m.find()) {
            if (m.start() < copied || !isSensitiveKey(m.group(1))) {
                continue;
            }
            int from = m.end();
            int to;
            if (from < s.length() && s.charAt(from) == '{') {
                int close = s.indexOf('}', from);
                to = close < 0 ? s.length() : close + 1;
            } else {
                to = from;
                while (to < s.length() && ";&),\n\r\t ".indexOf(s.charAt(to)) < 0) {
                    to++;
                }
            }
            removed.add(s.substring(from, to));
            out.append(s, copied, from).append(MASK);
            copied = to;
        }
        return copied == 0 ? s : out.append(s, copied, s.length()).toString();
    }

    /**
     * The secret values of a URL, for scrubbing them from driver messages that echo what they were given.
     *
     * @param url the URL
     * @return the password and the values of password-like options, each at least 3 characters long
     */
    static List<String> secrets(URL url) {
        List<String> out = new ArrayList<>();
        url.password().ifPresent(out::add);
        url.query().forEach((k, v) -> {
            if (isSensitiveKey(k)) {
                out.add(v);
            }
        });
        url.jdbcUrl().ifPresent(raw -> mask(raw, out));
        out.removeIf(s -> s == null || s.length() < 3);
        return out;
    }

    /**
     * A driver exception whose messages (its own and its causes') may quote a secret, rebuilt with the secrets
     * masked; the SQLSTATE, vendor code and stack traces are kept. Returns the exception itself when no message
     * holds a secret.
     *
     * @param e the driver's exception
     * @param secrets the values to hide
     * @return an exception safe to show
     */
    static SQLException scrub(SQLException e, List<String> secrets) {
        if (secrets.isEmpty() || !anyMessageHolds(e, secrets)) {
            return e;
        }
        SQLException copy = new SQLException(hide(e.getMessage(), secrets) + " [" + e.getClass().getName() + "]",
                e.getSQLState(), e.getErrorCode(), scrubCause(e.getCause(), secrets));
        copy.setStackTrace(e.getStackTrace());
        return copy;
    }

    private static Throwable scrubCause(Throwable t, List<String> secrets) {
        if (t == null) {
            return null;
        }
        if (!anyMessageHolds(t, secrets)) {
            return t;
        }
        RuntimeException copy = new RuntimeException(t.getClass().getName() + ": " + hide(t.getMessage(), secrets),
                scrubCause(t.getCause(), secrets));
        copy.setStackTrace(t.getStackTrace());
        return copy;
    }

    private static boolean anyMessageHolds(Throwable t, List<String> secrets) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            String m = c.getMessage();
            if (m != null) {
                for (String s : secrets) {
                    if (m.contains(s)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static String hide(String message, List<String> secrets) {
        if (message == null) {
            return null;
        }
        String out = message;
        for (String s : secrets) {
            out = out.replace(s, MASK);
        }
        return mask(out);
    }
}
