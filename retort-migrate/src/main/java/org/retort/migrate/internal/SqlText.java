package org.retort.migrate.internal;

import java.util.Locale;

/** Normalizes SQL text that databases print back differently from how it was written (CHECK conditions, defaults). */
public final class SqlText {
    private SqlText() {
    }

    /**
     * Lower case, with whitespace, parentheses, brackets, identifier quotes and {@code ::type} casts removed:
     * PostgreSQL's {@code ((price > (0)::numeric))} and a written {@code price > 0} both give {@code price>0}.
     *
     * @param sql the text
     * @return the normalized text
     */
    public static String normalize(String sql) {
        return sql.toLowerCase(Locale.ROOT)
                .replaceAll("::[a-z_ ]+(\\(\\d+(,\\d+)?\\))?(\\[\\])?", "")
                .replaceAll("[\\s()\"`\\[\\]]", "");
    }
}
