package org.retort.spring.boot.app;

import java.util.Map;
import org.retort.engine.Connection;
import org.retort.engine.Engine;
import org.retort.sql.Sql;
import org.retort.spring.TransactionalSession;
import org.retort.spring.boot.RetortAutoConfiguration;
import org.retort.spring.boot.RetortHealthAutoConfiguration;
import org.retort.spring.boot.RetortMetricsAutoConfiguration;
import org.retort.spring.boot.RetortTransactionManagerAutoConfiguration;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.persistence.autoconfigure.PersistenceExceptionTranslationAutoConfiguration;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A small Spring Boot application on the starter: services that write through Retort in Spring transactions. It
 * imports only the auto-configurations it needs, so each of the many test starts stays quick;
 * {@code examples/spring-boot} runs the starter under full {@code @SpringBootApplication} auto-configuration.
 */
@SpringBootConfiguration
@AutoConfigurationPackage
@ImportAutoConfiguration({DataSourceTransactionManagerAutoConfiguration.class, TransactionAutoConfiguration.class,
        PersistenceExceptionTranslationAutoConfiguration.class, MetricsAutoConfiguration.class,
        SimpleMetricsExportAutoConfiguration.class, CompositeMeterRegistryAutoConfiguration.class,
        RetortAutoConfiguration.class, RetortHealthAutoConfiguration.class, RetortMetricsAutoConfiguration.class,
        RetortTransactionManagerAutoConfiguration.class})
@Import({NoteApp.Notes.class, NoteApp.Outer.class, NoteApp.Inner.class})
public class NoteApp {

    /** Writes notes through Retort's Core and ORM; a {@code @Repository}, so its exceptions are translated. */
    @Repository
    public static class Notes {
        private final Engine engine;
        private final TransactionalSession sessions;

        /**
         * Creates the repository.
         *
         * @param engine the auto-configured engine
         * @param sessions the session of the current transaction
         */
        public Notes(Engine engine, TransactionalSession sessions) {
            this.engine = engine;
            this.sessions = sessions;
        }

        /**
         * Inserts a note with a Core statement.
         *
         * @param id the key
         * @param body the text
         */
        public void insert(long id, String body) {
            try (Connection conn = engine.connect()) {
                conn.execute(Sql.text("INSERT INTO spring_note (id, body) VALUES (:id, :body)"),
                        Map.of("id", id, "body", body));
                conn.commit(); // inside a Spring transaction: left to Spring
            }
        }

        /**
         * Adds a note through the transaction's ORM session.
         *
         * @param id the key
         * @param body the text
         */
        public void add(long id, String body) {
            sessions.get().add(new Note(id, body));
        }

        /** Flushes the transaction's ORM session. */
        public void flush() {
            sessions.get().flush();
        }

        /** Rolls back a Retort connection's transaction, which inside Spring's marks Spring's rollback-only. */
        public void rollbackRetortConnection() {
            try (Connection conn = engine.connect()) {
                conn.execute(Sql.text("SELECT 1"));
                conn.rollback();
            }
        }

        /**
         * Reads a note's text with a Core query.
         *
         * @param id the key
         * @return the text; fails when there is none
         */
        public String body(long id) {
            try (Connection conn = engine.connect()) {
                return (String) conn.execute(Sql.text("SELECT body FROM spring_note WHERE id = :id"), Map.of("id", id))
                        .scalarOne();
            }
        }
    }

    /** Outer transactions. */
    public static class Outer {
        private final Notes notes;
        private final Inner inner;

        /**
         * Creates the service.
         *
         * @param notes the repository
         * @param inner the service with the inner transactions
         */
        public Outer(Notes notes, Inner inner) {
            this.notes = notes;
            this.inner = inner;
        }

        /**
         * Writes with Core and the ORM, then fails: everything must roll back.
         */
        @Transactional
        public void writeThenFail() {
            notes.insert(1, "core");
            notes.add(2, "orm");
            throw new IllegalStateException("fails after writing");
        }

        /** Writes with Core and the ORM and returns: everything must commit. */
        @Transactional
        public void writeAndReturn() {
            notes.insert(1, "core");
            notes.add(2, "orm");
        }

        /** Runs a REQUIRES_NEW write first, then writes itself and fails: only the inner write stays. */
        @Transactional
        public void independentInnerThenFail() {
            inner.requiresNew(10, "inner");
            notes.insert(11, "outer");
            throw new IllegalStateException("outer fails");
        }

        /** Writes, then runs a NESTED transaction that fails and is caught: the outer write commits alone. */
        @Transactional
        public void nestedFailureCaught() {
            notes.add(20, "outer");
            notes.flush(); // written before the savepoint, so its rollback keeps it
            try {
                inner.nestedThenFail(21, "nested");
            } catch (IllegalStateException expected) {
                // the savepoint was rolled back; carry on
            }
        }

        /** Writes through Retort, then rolls the Retort connection back inside the Spring transaction. */
        @Transactional
        public void retortRollback() {
            notes.insert(30, "rolled back by Retort");
            notes.rollbackRetortConnection();
        }
    }

    /** Inner transactions, in a bean of their own so Spring's proxy applies their propagation. */
    public static class Inner {
        private final Notes notes;

        /**
         * Creates the service.
         *
         * @param notes the repository
         */
        public Inner(Notes notes) {
            this.notes = notes;
        }

        /**
         * Writes in a transaction of its own.
         *
         * @param id the key
         * @param body the text
         */
        @Transactional(propagation = Propagation.REQUIRES_NEW)
        public void requiresNew(long id, String body) {
            notes.add(id, body);
        }

        /**
         * Writes under a savepoint, then fails.
         *
         * @param id the key
         * @param body the text
         */
        @Transactional(propagation = Propagation.NESTED)
        public void nestedThenFail(long id, String body) {
            notes.add(id, body);
            notes.insert(id + 100, body);
            throw new IllegalStateException("nested fails");
        }
    }
}
