package org.retort.orm;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import org.retort.engine.Engine;

/** Captures the SQL an engine runs, through its cursor-execute event, to assert statement counts and text. */
final class StatementLog {
    private final List<String> statements = new CopyOnWriteArrayList<>();

    private StatementLog() {
    }

    static StatementLog on(Engine engine) {
        StatementLog log = new StatementLog();
        engine.events().onAfterCursorExecute(e -> log.statements.add(e.statement()));
        return log;
    }

    List<String> all() {
        return List.copyOf(statements);
    }

    List<String> starting(String verb) {
        return statements.stream().filter(s -> s.trim().toUpperCase(Locale.ROOT).startsWith(verb)).toList();
    }

    int count() {
        return statements.size();
    }

    void clear() {
        statements.clear();
    }
}
