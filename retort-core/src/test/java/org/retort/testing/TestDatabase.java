package org.retort.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Assumptions;
import org.retort.dialect.Dialect;
import org.retort.engine.Engine;
import org.retort.engine.EngineBuilder;
import org.retort.engine.URL;

/**
 * The isolated database one test invocation runs against: its backend, URL and a ready {@link Engine}.
 * Engines made here are disposed and the database dropped when the test ends.
 */
public final class TestDatabase {
    private final Backend backend;
    private final URL url;
    private final List<Engine> engines = new ArrayList<>();
    private Engine engine;

    TestDatabase(Backend backend, URL url) {
        this.backend = backend;
        this.url = url;
    }

    /** @return the backend */
    public Backend backend() {
        return backend;
    }

    /** @return the backend's name: sqlite-file, sqlite-memory, h2, postgresql, mariadb */
    public String name() {
        return backend.label();
    }

    /** @return the URL of this test's database */
    public URL url() {
        return url;
    }

    /** @return the engine for this test's database (made on first use, disposed after the test) */
    public synchronized Engine engine() {
        if (engine == null) {
            engine = engine(b -> { });
        }
        return engine;
    }

    /**
     * Makes another engine on this test's database with extra settings; disposed after the test.
     *
     * @param settings changes to the builder
     * @return the engine
     */
    public synchronized Engine engine(Consumer<EngineBuilder> settings) {
        EngineBuilder b = Engine.builder(url);
        settings.accept(b);
        Engine e = b.build();
        engines.add(e);
        return e;
    }

    /** @return the default engine's dialect */
    public Dialect dialect() {
        return engine().dialect();
    }

    /**
     * Skips this invocation unless a condition holds, e.g. a dialect capability.
     *
     * @param condition what the test needs
     * @param why what is missing, for the skip message
     */
    public void require(boolean condition, String why) {
        Assumptions.assumeTrue(condition, () -> name() + " skipped: " + why);
    }

    /** @return true for either SQLite backend */
    public boolean isSqlite() {
        return backend == Backend.SQLITE_FILE || backend == Backend.SQLITE_MEMORY;
    }

    void disposeEngines() {
        for (Engine e : engines) {
            e.dispose();
        }
        engines.clear();
        engine = null;
    }

    @Override
    public String toString() {
        return name();
    }
}
