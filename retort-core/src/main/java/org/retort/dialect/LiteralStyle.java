package org.retort.dialect;

import java.util.HexFormat;
import org.retort.exc.CompileException;

/**
 * How a database spells string and binary values written inline in SQL text: the literals of
 * {@code compile(dialect, true)}, DDL comments and enum labels, and the {@code ESCAPE} character of LIKE.
 *
 * <p>Every form here means the same text under every server setting that changes how literals are read, so a
 * statement rendered offline, or on a connection whose settings later change, cannot be turned into other SQL by
 * its values: PostgreSQL's {@code standard_conforming_strings} and MySQL's {@code NO_BACKSLASH_ESCAPES} decide
 * whether a backslash escapes the next character, so a string holding a backslash is written where the backslash
 * means itself either way ({@code E'...'} with the backslash doubled; a {@code _utf8mb4 X'...'} hex literal).
 * A value that has no safe literal form (a NUL character where the database cannot hold one, an unpaired UTF-16
 * surrogate, which no encoding can carry) is refused with a {@link CompileException}; bind it instead.
 *
 * <p>Dialects choose a style through {@link Dialect#literalStyle()}; a dialect for another database subclasses this
 * and overrides what differs. Instances are immutable and shared.
 */
public class LiteralStyle {
    /** Standard SQL: single quotes doubled, backslash an ordinary character (SQLite, H2, Oracle). */
    public static final LiteralStyle STANDARD = new LiteralStyle();

    /** PostgreSQL: an escape string {@code E'...'} when the value holds a backslash. */
    public static final LiteralStyle POSTGRESQL = new LiteralStyle() {
        @Override
        public String string(String value, String dialectName) {
            check(value, dialectName, false);
            if (value.indexOf('\\') < 0) {
                return quoted(value);
            }
            return "E" + quoted(value.replace("\\", "\\\\"));
        }

        @Override
        public String binary(byte[] value) {
            return "decode('" + HexFormat.of().formatHex(value) + "', 'hex')";
        }
    };

    /** MySQL and MariaDB: a hex literal in {@code utf8mb4} when the value holds a backslash or a NUL. */
    public static final LiteralStyle MYSQL = new LiteralStyle() {
        @Override
        public String string(String value, String dialectName) {
            check(value, dialectName, true);
            if (value.indexOf('\\') < 0 && value.indexOf('\0') < 0) {
                return quoted(value);
            }
            return "_utf8mb4 X'" + HexFormat.of().formatHex(value.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                    + "'";
        }
    };

    /** SQL Server: {@code N'...'} when the value holds a character outside ASCII, so no code page loses it. */
    public static final LiteralStyle MSSQL = new LiteralStyle() {
        @Override
        public String string(String value, String dialectName) {
            check(value, dialectName, false);
            for (int i = 0; i < value.length(); i++) {
                if (value.charAt(i) > 0x7F) {
                    return "N" + quoted(value);
                }
            }
            return quoted(value);
        }

        @Override
        public String binary(byte[] value) {
            return "0x" + HexFormat.of().formatHex(value);
        }
    };

    /** Oracle: standard strings, binary through {@code HEXTORAW}. */
    public static final LiteralStyle ORACLE = new LiteralStyle() {
        @Override
        public String binary(byte[] value) {
            return "HEXTORAW('" + HexFormat.of().formatHex(value) + "')";
        }
    };

    /** For subclasses; use the constants. */
    protected LiteralStyle() {
    }

    /**
     * A string as a literal.
     *
     * @param value the text
     * @param dialectName the dialect's name, for the error message
     * @return the literal, e.g. {@code 'O''Brien'}
     * @throws CompileException when the text has no safe literal form on this database
     */
    public String string(String value, String dialectName) {
        check(value, dialectName, false);
        return quoted(value);
    }

    /**
     * Bytes as a literal; standard SQL's {@code X'...'} unless the database spells it otherwise.
     *
     * @param value the bytes
     * @return the literal, e.g. {@code X'00ff'}
     */
    public String binary(byte[] value) {
        return "X'" + HexFormat.of().formatHex(value) + "'";
    }

    /**
     * Wraps text in single quotes, doubling the quotes inside.
     *
     * @param value the text
     * @return {@code 'value'}
     */
    protected static String quoted(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    /**
     * Refuses text no literal can carry: an unpaired surrogate always, a NUL unless the style can write one.
     *
     * @param value the text
     * @param dialectName the dialect's name, for the message
     * @param nulAllowed whether this style writes NUL characters
     * @throws CompileException naming the position of the offending character
     */
    protected static void check(String value, String dialectName, boolean nulAllowed) {
        if (!nulAllowed) {
            int nul = value.indexOf('\0');
            if (nul >= 0) {
                throw new CompileException("A string holding a NUL character (U+0000, at index " + nul
                        + ") cannot be written as a " + dialectName + " SQL literal; bind it as a parameter "
                        + "(compile without literal binds) or remove the character");
            }
        }
        int lone = unpairedSurrogateAt(value);
        if (lone >= 0) {
            throw new CompileException("A string holding an unpaired UTF-16 surrogate (U+"
                    + Integer.toHexString(value.charAt(lone)).toUpperCase(java.util.Locale.ROOT) + " at index " + lone
                    + ") cannot be written as a " + dialectName + " SQL literal: no character encoding carries it; "
                    + "fix the string where it was made");
        }
    }

    /**
     * Finds a UTF-16 surrogate without its partner: such a string is not text, and a driver encoding it to UTF-8
     * would silently store {@code ?} in its place.
     *
     * @param value the text
     * @return the index of the first unpaired surrogate, or -1 when there is none
     */
    public static int unpairedSurrogateAt(CharSequence value) {
        int n = value.length();
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(value.charAt(i + 1))) {
                    i++;
                } else {
                    return i;
                }
            }
        }
        return -1;
    }
}
