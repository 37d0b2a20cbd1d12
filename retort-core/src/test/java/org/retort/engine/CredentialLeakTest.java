package org.retort.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.retort.sql.Sql.text;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.retort.dialect.PoolKind;
import org.retort.testing.BackendTest;
import org.retort.testing.TestDatabase;

/**
 * A login whose password is in the URL (and in password-like options), driven through every path that shows a URL
 * or an error: echo, toString of engine, connection and URL, failing SQL, a killed connection, a pool timeout, a
 * refused connect, a malformed URL, a closed engine. Everything written to stdout, stderr and java.util.logging
 * meanwhile, and every exception's message and stack trace, is scanned for the passwords: none may appear.
 */
class CredentialLeakTest {
    private static final String SECRET = "Leak-" + UUID.randomUUID().toString().substring(0, 8);
    private static final String OPTION_SECRET = "Opt-" + UUID.randomUUID().toString().substring(0, 8);

    @BackendTest(only = {"postgresql", "mariadb"})
    void noPasswordReachesOutputLogsOrExceptions(TestDatabase db) throws Exception {
        boolean pg = db.name().equals("postgresql");
        String role = "rt_leak_" + UUID.randomUUID().toString().substring(0, 8);
        String schema = pg ? db.url().query().get("currentSchema") : db.url().database().orElseThrow();
        try (Connection admin = db.engine().connect()) {
            admin.setIsolationLevel(IsolationLevel.AUTOCOMMIT);
            if (pg) {
                admin.execute(text("CREATE ROLE " + role + " LOGIN PASSWORD '" + SECRET + "'"));
                admin.execute(text("GRANT ALL ON SCHEMA " + schema + " TO " + role));
            } else {
                for (String host : new String[] {"%", "localhost", "127.0.0.1"}) {
                    admin.execute(text("CREATE USER '" + role + "'@'" + host + "' IDENTIFIED BY '" + SECRET + "'"));
                    admin.execute(text("GRANT ALL ON " + schema + ".* TO '" + role + "'@'" + host + "'"));
                }
            }
        }
        List<Throwable> errors = new ArrayList<>();
        List<String> shown = new ArrayList<>();
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream out = System.out;
        PrintStream err = System.err;
        List<String> julRecords = new ArrayList<>();
        Handler jul = new Handler() {
            @Override
            public void publish(LogRecord r) {
                synchronized (julRecords) {
                    julRecords.add(r.getMessage() + " " + java.util.Arrays.toString(r.getParameters()) + " " + r.getThrown());
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger.getLogger("").addHandler(jul);
        System.setOut(new PrintStream(new Tee(out, captured), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(new Tee(err, captured), true, StandardCharsets.UTF_8));
        try {
            URL url = db.url().withCredentials(role, SECRET).withQuery(pg ? "sslpassword" : "trustStorePassword", OPTION_SECRET);
            Engine engine = Engine.builder(url).echo(true).poolSize(1).maxOverflow(0)
                    .poolTimeout(Duration.ofMillis(300)).build();
            shown.add(url.toString());
            shown.add(engine.toString());
            try (Connection conn = engine.connect()) {
                shown.add(conn.toString());
                conn.execute(text("CREATE TABLE leak_probe (x INTEGER)"));
                conn.execute(text("INSERT INTO leak_probe (x) VALUES (:x)"), java.util.Map.of("x", 1));
                capture(errors, () -> conn.execute(text("SELECT no_such_column FROM leak_probe")));
                conn.rollback();
                capture(errors, engine::connect); // pool of one, already checked out: PoolTimeoutException
                shown.add(engine.pool().status());
                Object id = conn.scalar(text(pg ? "SELECT pg_backend_pid()" : "SELECT CONNECTION_ID()"));
                try (Connection killer = db.engine().connect()) {
                    killer.setIsolationLevel(IsolationLevel.AUTOCOMMIT);
                    killer.execute(text(pg ? "SELECT pg_terminate_backend(" + id + ")" : "KILL " + id)).close();
                }
                Thread.sleep(200);
                capture(errors, () -> conn.execute(text("SELECT 1")));
            }
            engine.close();
            capture(errors, engine::connect);
            Engine refused = Engine.builder(url.withHost("127.0.0.1", 1)).poolClass(PoolKind.NULL).build();
            capture(errors, refused::connect);
            refused.close();
            Engine wrong = Engine.builder(url.withCredentials(role, SECRET + "x")).poolClass(PoolKind.NULL).build();
            capture(errors, wrong::connect); // refused on MariaDB; PostgreSQL's trust login may let it in
            wrong.close();
            capture(errors, () -> URL.parse("postgresql://" + role + ":" + SECRET + "@@h/db"));
            capture(errors, () -> URL.parse(pg ? "jdbc:postgresql://127.0.0.1:bad/db?user=u&password=" + SECRET
                    : "jdbc:mariadb://127.0.0.1:1/db?user=u&password=" + SECRET).toString());
            Engine badPort = Engine.builder("jdbc:postgresql://127.0.0.1:bad/db?user=u&password=" + SECRET)
                    .poolClass(PoolKind.NULL).build();
            capture(errors, badPort::connect);
            badPort.close();
        } finally {
            System.setOut(out);
            System.setErr(err);
            Logger.getLogger("").removeHandler(jul);
            try (Connection admin = db.engine().connect()) {
                admin.setIsolationLevel(IsolationLevel.AUTOCOMMIT);
                if (pg) {
                    admin.execute(text("DROP OWNED BY " + role));
                    admin.execute(text("DROP ROLE " + role));
                } else {
                    for (String host : new String[] {"%", "localhost", "127.0.0.1"}) {
                        admin.execute(text("DROP USER '" + role + "'@'" + host + "'"));
                    }
                }
            }
        }
        assertThat(errors).as("the failures this test provokes").hasSizeGreaterThanOrEqualTo(6);
        StringBuilder everything = new StringBuilder(captured.toString(StandardCharsets.UTF_8));
        everything.append('\n').append(String.join("\n", shown)).append('\n').append(String.join("\n", julRecords));
        for (Throwable t : errors) {
            StringWriter trace = new StringWriter();
            t.printStackTrace(new PrintWriter(trace));
            everything.append('\n').append(trace);
        }
        assertThat(everything.toString()).as("echo, logs, toString and exceptions").contains("SELECT no_such_column")
                .doesNotContain(SECRET).doesNotContain(OPTION_SECRET);
    }

    private static void capture(List<Throwable> errors, Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            errors.add(e);
        }
    }

    /** Writes to the real stream and to the capture. */
    private static final class Tee extends java.io.OutputStream {
        private final PrintStream real;
        private final ByteArrayOutputStream copy;

        Tee(PrintStream real, ByteArrayOutputStream copy) {
            this.real = real;
            this.copy = copy;
        }

        @Override
        public void write(int b) {
            real.write(b);
            synchronized (copy) {
                copy.write(b);
            }
        }

        @Override
        public void write(byte[] b, int off, int len) {
            real.write(b, off, len);
            synchronized (copy) {
                copy.write(b, off, len);
            }
        }
    }
}
