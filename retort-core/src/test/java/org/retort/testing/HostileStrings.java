package org.retort.testing;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The injection corpus: strings built to break out of a literal, a comment or a statement on some database and
 * setting. Fragments (every kind of quote, comment openers, stacked statements, backslashes, NUL, homoglyphs of
 * quote and backslash, lone surrogates, placeholder look-alikes) are each put in a set of surroundings, so a
 * fragment is tried at the start, in the middle, at the end and doubled; one 1 MB value holds them all repeated.
 * Every attack that would succeed inserts into {@code victim}, so "none executed" is one count.
 */
public final class HostileStrings {
    private HostileStrings() {
    }

    /** What an executed payload would do; the tests count rows in this table. */
    public static final String VICTIM = "victim";

    private static final List<String> FRAGMENTS = List.of(
            "'", "''", "'''", "\"", "\"\"", "`", "``", "\\", "\\\\", "\\'", "\\\\'", "\\\"", "'\\",
            "'; INSERT INTO victim VALUES (666); -- ",
            "\\'; INSERT INTO victim VALUES (666); -- ",
            "'); INSERT INTO victim VALUES (666); --",
            "' OR '1'='1", "1' OR 1=1 --", "' UNION SELECT 666 --", "\"; INSERT INTO victim VALUES (666); --",
            "`; INSERT INTO victim VALUES (666); #",
            "/*", "*/", "/* '; INSERT INTO victim VALUES (666); */", "-- ", "--'", "#", "#'", ";", ";;",
            "$$", "$$; INSERT INTO victim VALUES (666); $$", "$q$", "E'\\'", "N'", "U&'\\0027'", "X'27'",
            "%", "_", "%_\\", "[", "]", "[%]", "^", "{fn user()}", "{escape '\\'}",
            ":name", ":1", "?", "??", "@p", "$1", "&",
            "\0", "'\0", "\0'; INSERT INTO victim VALUES (666); --",
            "\u02BC", "\u2019", "\u2018", "\uFF07", "\u00B4", "\u0060", "\u201C", "\uFF02", "\uFF3C", "\u00A5",
            "\u20A9", "\u2216", "\u29F5", "\uFE68", "\u0300'", "'\u0301",
            "\uD800", "\uDC00", "a\uD83D", "\uDE00b", "\uD83D\uDE00", "\uD83D\uDE00'",
            "\r\n", "\n--", "\t", "\u000B", "\f", "\u0085", "\u2028", "\u202E'", "\uFEFF", "\u00A0");

    private static final List<String> SURROUNDINGS = List.of(
            "%s", "a%sb", "%s%s", "x%s'", "'%s", "\\%s", "%s\\", "%s'--", "\"%s\"", "-- %s\n");

    /** {@return at least 500 distinct hostile strings, in a fixed order} */
    public static List<String> all() {
        Set<String> out = new LinkedHashSet<>();
        for (String f : FRAGMENTS) {
            for (String s : SURROUNDINGS) {
                out.add(s.replace("%s", f));
            }
        }
        return new ArrayList<>(out);
    }

    /** {@return the fragments alone, for paths that cost a statement or two each (DDL with hostile names)} */
    public static List<String> fragments() {
        return FRAGMENTS;
    }

    /** {@return one value of 1 MB (UTF-16 code units) made of the fragments that any database can hold} */
    public static String megabyte() {
        StringBuilder sb = new StringBuilder(1 << 20);
        List<String> storable = FRAGMENTS.stream().filter(HostileStrings::storableEverywhere).toList();
        for (int i = 0; sb.length() < (1 << 20); i++) {
            sb.append(storable.get(i % storable.size()));
        }
        sb.setLength(1 << 20);
        if (Character.isHighSurrogate(sb.charAt(sb.length() - 1))) {
            sb.setCharAt(sb.length() - 1, 'z');
        }
        return sb.toString();
    }

    /** {@return whether a string holds neither NUL nor an unpaired surrogate (the two refusable things)} */
    public static boolean storableEverywhere(String s) {
        return s.indexOf('\0') < 0 && org.retort.dialect.LiteralStyle.unpairedSurrogateAt(s) < 0;
    }
}
