package org.retort.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.retort.engine.Connection;
import org.retort.engine.Engine;
import org.retort.engine.Row;
import org.retort.orm.Registry;
import org.retort.orm.SessionFactory;
import org.retort.spring.SpringDataSourcePool;
import org.retort.spring.TransactionalSession;
import org.retort.spring.boot.app.Note;
import org.retort.spring.boot.app.NoteApp;
import org.retort.sql.Sql;
import org.retort.testing.BackendTest;
import org.retort.testing.TestDatabase;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.EmptyResultDataAccessException;
import org.springframework.transaction.UnexpectedRollbackException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The starter in a real Spring Boot application ({@link NoteApp}) on each server backend and on file SQLite: the
 * auto-configured beans, Retort writes inside {@code @Transactional} methods with each propagation, exception
 * translation, health and metrics. Every invocation gets a database of its own, dropped afterwards.
 */
class SpringIntegrationTest {

    @BackendTest(only = {"sqlite-file", "h2", "postgresql", "mariadb"})
    void transactionalRollbackUndoesCoreAndOrmWritesAndReturningCommitsThem(TestDatabase db) {
        try (App app = App.start(db)) {
            NoteApp.Outer outer = app.bean(NoteApp.Outer.class);
            assertThatThrownBy(outer::writeThenFail).isInstanceOf(IllegalStateException.class);
            assertThat(app.bodies()).isEmpty();

            outer.writeAndReturn();
            assertThat(app.bodies()).containsExactly("1:core", "2:orm");
        }
    }

    @BackendTest(only = {"sqlite-file", "h2", "postgresql", "mariadb"})
    void requiresNewCommitsIndependentlyOfTheOuterTransaction(TestDatabase db) {
        try (App app = App.start(db)) {
            assertThatThrownBy(app.bean(NoteApp.Outer.class)::independentInnerThenFail)
                    .isInstanceOf(IllegalStateException.class).hasMessage("outer fails");
            assertThat(app.bodies()).containsExactly("10:inner");
        }
    }

    @BackendTest(only = {"sqlite-file", "h2", "postgresql", "mariadb"})
    void nestedRollsBackToItsSavepointOnly(TestDatabase db) {
        try (App app = App.start(db, true)) {
            List<String> echo = app.echo;
            app.bean(NoteApp.Outer.class).nestedFailureCaught();
            // Retort joined Spring's transaction rather than running its own
            assertThat(List.copyOf(echo)).contains("BEGIN (joined Spring-managed transaction)",
                    "COMMIT (left to the Spring-managed transaction)").doesNotContain("BEGIN (implicit)", "COMMIT");
            assertThat(app.bodies()).containsExactly("20:outer");
        }
    }

    @BackendTest(only = {"sqlite-file", "h2", "postgresql", "mariadb"})
    void aRetortRollbackInsideSpringsTransactionMakesSpringRollBack(TestDatabase db) {
        try (App app = App.start(db)) {
            assertThatThrownBy(app.bean(NoteApp.Outer.class)::retortRollback)
                    .isInstanceOf(UnexpectedRollbackException.class);
            assertThat(app.bodies()).isEmpty();
        }
    }

    @BackendTest(only = {"sqlite-file", "h2", "postgresql", "mariadb"})
    void transactionTemplateAndTransactionalSessionShareOneTransaction(TestDatabase db) {
        try (App app = App.start(db)) {
            TransactionTemplate tx = new TransactionTemplate(app.context.getBean(
                    org.springframework.transaction.PlatformTransactionManager.class));
            TransactionalSession sessions = app.bean(TransactionalSession.class);
            tx.executeWithoutResult(status -> {
                sessions.get().add(new Note(40, "template"));
                assertThat(sessions.get()).isSameAs(sessions.get());
                status.setRollbackOnly();
            });
            assertThat(app.bodies()).isEmpty();
            tx.executeWithoutResult(status -> sessions.get().add(new Note(41, "template")));
            assertThat(app.bodies()).containsExactly("41:template");
            assertThatThrownBy(sessions::get).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("@Transactional");
        }
    }

    @BackendTest(only = {"sqlite-file", "h2", "postgresql", "mariadb"})
    void repositoryExceptionsBecomeSpringDataAccessExceptions(TestDatabase db) {
        try (App app = App.start(db)) {
            NoteApp.Notes notes = app.bean(NoteApp.Notes.class);
            notes.insert(50, "first");
            Throwable duplicate = org.assertj.core.api.Assertions.catchThrowable(() -> notes.insert(50, "again"));
            assertThat(duplicate).isInstanceOf(DataIntegrityViolationException.class);
            if (!db.isSqlite()) {
                // the database's own error code or SQLSTATE says which constraint kind: a duplicate key
                assertThat(duplicate).isInstanceOf(DuplicateKeyException.class);
            }
            assertThatThrownBy(() -> notes.body(999)).isInstanceOf(EmptyResultDataAccessException.class);
        }
    }

    @BackendTest(only = {"sqlite-file", "h2", "postgresql", "mariadb"})
    void autoConfigurationDetectsTheDialectAndPublishesHealthAndMeters(TestDatabase db) {
        try (App app = App.start(db)) {
            Engine engine = app.bean(Engine.class);
            assertThat(engine.dialect().name()).isEqualTo(db.dialect().name());
            assertThat(engine.pool()).isInstanceOf(SpringDataSourcePool.class);
            assertThat(app.bean(SessionFactory.class).expireOnCommit()).isFalse(); // retort.session.expire-on-commit
            assertThat(app.bean(RetortHealthIndicator.class).health(true).getStatus()).isEqualTo(Status.UP);

            app.bean(NoteApp.Outer.class).writeAndReturn();
            MeterRegistry registry = app.bean(MeterRegistry.class);
            assertThat(registry.get("retort.statements").tag("engine", "retort").tag("outcome", "success")
                    .timer().count()).isGreaterThanOrEqualTo(2);
            assertThat(registry.get("retort.flush").timer().count()).isEqualTo(1);
            assertThat(registry.get("retort.pool.active").gauge().value()).isZero();
            try (Connection held = engine.connect()) {
                held.execute(Sql.text("SELECT 1"));
                assertThat(registry.get("retort.pool.active").gauge().value()).isEqualTo(1);
            }
            assertThat(registry.get("retort.pool.timeouts").functionCounter().count()).isZero();
        }
    }

    @BackendTest(only = "h2")
    void retortPropertiesConfigureTheEngineAndSessionsAndYourOwnBeansWin(TestDatabase db) {
        try (App app = App.start(db, false, "retort.echo=debug", "retort.compiled-cache-size=7",
                "retort.hide-parameters=true", "retort.session.autoflush=false")) {
            Engine engine = app.bean(Engine.class);
            assertThat(engine.echoRows()).isTrue();
            assertThat(engine.compiledCache().capacity()).isEqualTo(7);
            assertThat(engine.hideParameters()).isTrue();
            assertThat(app.bean(SessionFactory.class).autoflush()).isFalse();
        }
        Engine own = Engine.builder("sqlite://").build();
        try (App app = App.start(db, false, c -> c.registerBean("myEngine", Engine.class, () -> own))) {
            assertThat(app.bean(Engine.class)).isSameAs(own);
            assertThat(app.bean(SessionFactory.class).engine()).isSameAs(own);
        } finally {
            own.dispose();
        }
    }

    /** A running {@link NoteApp} on a test database, with its schema created and its echo collected. */
    static final class App implements AutoCloseable {
        final ConfigurableApplicationContext context;
        final HikariDataSource dataSource;
        final List<String> echo;

        private App(ConfigurableApplicationContext context, HikariDataSource dataSource, List<String> echo) {
            this.context = context;
            this.dataSource = dataSource;
            this.echo = echo;
        }

        static App start(TestDatabase db) {
            return start(db, false);
        }

        static App start(TestDatabase db, boolean collectEcho, String... properties) {
            return start(db, collectEcho, c -> { }, properties);
        }

        /**
         * Starts the application; with {@code collectEcho}, the engine's echo lines are kept in {@link #echo};
         * {@code beans} registers more beans; {@code properties} are added to the test's own.
         */
        static App start(TestDatabase db, boolean collectEcho, Consumer<GenericApplicationContext> beans,
                         String... properties) {
            HikariDataSource ds = new HikariDataSource();
            ds.setJdbcUrl(db.dialect().jdbcUrl(db.url()));
            Properties props = db.dialect().connectProperties(db.url());
            ds.setDataSourceProperties(props);
            ds.setMaximumPoolSize(4);
            List<String> echo = new CopyOnWriteArrayList<>();
            ConfigurableApplicationContext ctx = new SpringApplicationBuilder(NoteApp.class)
                    .web(WebApplicationType.NONE)
                    .logStartupInfo(false)
                    .initializers(c -> {
                        GenericApplicationContext g = (GenericApplicationContext) c;
                        g.registerBean("dataSource", DataSource.class, () -> ds);
                        beans.accept(g);
                        if (collectEcho) {
                            g.registerBean("collectEcho", EngineBuilderCustomizer.class, () -> b -> b.echoTo(echo::add));
                        }
                    })
                    .properties("logging.level.root=warn", "spring.main.banner-mode=off",
                            "retort.session.expire-on-commit=false")
                    .properties(properties)
                    .run();
            Engine engine = ctx.getBean(Engine.class);
            if (engine.pool() instanceof SpringDataSourcePool) {
                ctx.getBean(Registry.class).metadata().createAll(engine);
            }
            echo.clear();
            return new App(ctx, ds, echo);
        }

        <T> T bean(Class<T> type) {
            return context.getBean(type);
        }

        /** {@return "id:body" of every note, read outside any Spring transaction} */
        List<String> bodies() {
            List<String> out = new ArrayList<>();
            try (Connection conn = bean(Engine.class).connect()) {
                for (Row r : conn.execute(Sql.text("SELECT id, body FROM spring_note ORDER BY id"))) {
                    out.add(((Number) r.get(0)).longValue() + ":" + r.get(1));
                }
            }
            return out;
        }

        @Override
        public void close() {
            try {
                context.close();
            } finally {
                dataSource.close();
            }
        }
    }
}
