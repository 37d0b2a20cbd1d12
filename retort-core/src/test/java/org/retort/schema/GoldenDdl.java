package org.retort.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.retort.dialect.Dialects;
import org.retort.exc.CompileException;

/** Compares a DDL statement with its expected SQL per dialect; {@code "!text"} expects a CompileException. */
final class GoldenDdl {
    private GoldenDdl() {
    }

    static void check(DdlElement element, String... dialectAndSql) {
        for (int i = 0; i < dialectAndSql.length; i += 2) {
            String dialect = dialectAndSql[i];
            String want = dialectAndSql[i + 1];
            if (want.startsWith("!")) {
                assertThatThrownBy(() -> element.compile(Dialects.forName(dialect)))
                        .as(dialect).isInstanceOf(CompileException.class).hasMessageStartingWith(want.substring(1));
            } else {
                assertThat(element.compile(Dialects.forName(dialect)).sql()).as(dialect).isEqualTo(want);
            }
        }
    }
}
