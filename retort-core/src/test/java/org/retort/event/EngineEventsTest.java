package org.retort.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.retort.sql.Sql.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.retort.engine.Connection;
import org.retort.engine.Engine;
import org.retort.engine.Result;
import org.retort.exc.IntegrityError;
import org.retort.exc.ProgrammingError;
import org.retort.sql.Executable;
import org.retort.sql.TextClause;
import org.retort.testing.BackendTest;
import org.retort.testing.TestDatabase;

class EngineEventsTest {

    @BackendTest
    void beforeAndAfterExecuteSeeTheStatementParametersAndResult(TestDatabase db) {
        Engine engine = db.engine();
        List<String> seen = new ArrayList<>();
        List<Result> results = new ArrayList<>();
        engine.events().onBeforeExecute((conn, stmt, sets) -> seen.add("before " + stmt + " " + sets));
        engine.events().onAfterExecute((conn, stmt, sets, result) -> {
            seen.add("after " + stmt);
            results.add(result);
        });
        Executable stmt = text("SELECT :a");
        try (Connection conn = engine.connect()) {
            Result r = conn.execute(stmt, Map.of("a", 5));
            assertThat(results).containsExactly(r);
            assertThat(((Number) r.scalar()).intValue()).isEqualTo(5);
        }
        assertThat(seen).containsExactly("before SELECT :a [{a=5}]", "after SELECT :a");
    }

    @BackendTest
    void cursorExecuteListenersSeeFinalSqlAndMayRewriteIt(TestDatabase db) {
        Engine engine = db.engine();
        List<CursorExecuteEvent> before = new ArrayList<>();
        List<CursorExecuteEvent> after = new ArrayList<>();
        engine.events().onBeforeCursorExecute(e -> {
            before.add(e);
            return e.statement() + " -- from the billing job";
        });
        engine.events().onAfterCursorExecute(after::add);
        try (Connection conn = engine.connect()) {
            conn.execute(text("CREATE TABLE t (x INTEGER PRIMARY KEY)"));
            conn.execute(text("INSERT INTO t (x) VALUES (:x)"), List.of(Map.of("x", 1), Map.of("x", 2)));
            assertThat(((Number) conn.execute(text("SELECT count(*) FROM t WHERE x > :x"), Map.of("x", 0))
                    .scalar()).intValue()).isEqualTo(2);
        }
        assertThat(before).extracting(CursorExecuteEvent::statement).containsExactly(
                "CREATE TABLE t (x INTEGER PRIMARY KEY)", "INSERT INTO t (x) VALUES (?)",
                "SELECT count(*) FROM t WHERE x > ?");
        assertThat(before.get(1).executemany()).isTrue();
        assertThat(before.get(1).parameterSets()).containsExactly(List.of(1), List.of(2));
        assertThat(before.get(2).parameters()).containsExactly(0);
        assertThat(after).extracting(CursorExecuteEvent::statement)
                .allSatisfy(sql -> assertThat(sql).endsWith(" -- from the billing job"));
    }

    @BackendTest
    void handleErrorSeesTheTranslatedExceptionAndMayReplaceIt(TestDatabase db) {
        Engine engine = db.engine();
        List<ErrorContext> contexts = new ArrayList<>();
        Registration log = engine.events().onHandleError(ctx -> {
            contexts.add(ctx);
            return null;
        });
        try (Connection conn = engine.connect()) {
            assertThatThrownBy(() -> conn.execute(text("SELECT * FROM missing_table")))
                    .isInstanceOf(ProgrammingError.class);
            assertThat(contexts).hasSize(1);
            assertThat(contexts.get(0).statement()).isEqualTo("SELECT * FROM missing_table");
            assertThat(contexts.get(0).exception()).isInstanceOf(ProgrammingError.class);
            assertThat(contexts.get(0).isDisconnect()).isFalse();
            assertThat(contexts.get(0).connection()).isSameAs(conn);
        }
        log.remove();
        engine.events().onHandleError(ctx -> ctx.exception() instanceof IntegrityError
                ? new IllegalStateException("duplicate order: " + ctx.exception().getMessage(), ctx.exception()) : null);
        try (Connection conn = engine.connect()) {
            conn.execute(text("CREATE TABLE t (x INTEGER PRIMARY KEY)"));
            conn.execute(text("INSERT INTO t (x) VALUES (1)"));
            assertThatThrownBy(() -> conn.execute(text("INSERT INTO t (x) VALUES (1)")))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("duplicate order")
                    .hasCauseInstanceOf(IntegrityError.class);
        }
        assertThat(contexts).hasSize(1);
    }

    @BackendTest
    void transactionEventsFireForBeginCommitAndRollback(TestDatabase db) {
        Engine engine = db.engine();
        List<String> seen = new ArrayList<>();
        engine.events().onBegin(c -> seen.add("begin"));
        engine.events().onCommit(c -> seen.add("commit"));
        engine.events().onRollback(c -> seen.add("rollback"));
        try (Connection conn = engine.connect()) {
            conn.execute(text("SELECT 1")).close();
            conn.commit();
            conn.begin();
            conn.rollback();
            conn.execute(text("SELECT 1")).close();
        }
        assertThat(seen).containsExactly("begin", "commit", "begin", "rollback", "begin", "rollback");
    }

    @BackendTest(only = "sqlite-memory")
    void removedListenersNoLongerFireAndCopiesShareListeners(TestDatabase db) {
        Engine engine = db.engine();
        List<String> seen = new ArrayList<>();
        Registration r = engine.events().onBeforeExecute((c, s, p) -> seen.add(((TextClause) s).text()));
        Engine copy = engine.executionOptions(org.retort.engine.ExecutionOptions.defaults().compiledCache(false));
        try (Connection conn = copy.connect()) {
            conn.execute(text("SELECT 1")).close();
            r.remove();
            r.remove();
            conn.execute(text("SELECT 2")).close();
        }
        assertThat(seen).containsExactly("SELECT 1");
        assertThat(engine.events().beforeExecuteListeners()).isEmpty();
    }
}
