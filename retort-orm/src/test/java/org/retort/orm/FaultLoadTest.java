package org.retort.orm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.retort.sql.Sql.text;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.retort.dialect.PoolKind;
import org.retort.engine.Connection;
import org.retort.engine.Engine;
import org.retort.engine.IsolationLevel;
import org.retort.engine.Retry;
import org.retort.engine.ExecutionOptions;
import org.retort.exc.DBAPIException;
import org.retort.orm.annotation.Entity;
import org.retort.orm.annotation.MappedColumn;
import org.retort.testing.LocalServer;

/**
 * Load with faults: threads run short transactions, half through Core ({@code engine.transaction(retry, work)})
 * and half through the ORM ({@code retry.run} around a {@code Session}): insert a parent with three children, move
 * money between two versioned accounts, delete a parent with its children. They run against a
 * PostgreSQL and a MariaDB server this test starts itself on a spare loopback port, while the server's client
 * connections are killed and the server itself is crashed (no clean shutdown) and started again. A ledger kept by
 * the test says what each transaction's outcome was; afterwards the database must equal it: every committed
 * write present exactly once and whole, every failed one absent, commits of unknown outcome counted (and found
 * either way), the money invariant kept, no thread hung, no pooled connection leaked.
 *
 * <p>Sized to take about ten seconds of load per server. The figures are printed with a {@code [retort]} prefix.
 */
@Tag("fault")
class FaultLoadTest {
    private static final int THREADS = 8;
    private static final int ACCOUNTS = 10;
    private static final long RUN_MILLIS = 10_000;

    @Entity(table = "parent")
    static class Parent {
        @MappedColumn(primaryKey = true)
        Long id;
        @MappedColumn(nullable = false)
        Integer owner;

        Parent() {
        }

        Parent(long id, int owner) {
            this.id = id;
            this.owner = owner;
        }
    }

    @Entity(table = "child")
    static class Child {
        @MappedColumn(primaryKey = true)
        Long id;
        @MappedColumn(foreignKey = "parent.id", nullable = false)
        Long parentId;
        @MappedColumn(nullable = false)
        Integer n;

        Child() {
        }

        Child(long id, long parentId, int n) {
            this.id = id;
            this.parentId = parentId;
            this.n = n;
        }
    }

    @Entity(table = "account")
    static class Account {
        @MappedColumn(primaryKey = true)
        Integer id;
        @MappedColumn(nullable = false)
        Long balance;
        @MappedColumn(nullable = false)
        Integer version;
    }

    private static final org.retort.orm.metamodel.ColumnAttribute<Child, Long> CHILD_PARENT =
            org.retort.orm.metamodel.ColumnAttribute.of(Child.class, "parentId", Long.class);

    @Test
    void postgresqlKilledAndCrashedMidRunLosesAndDuplicatesNothing() throws Exception {
        try (LocalServer server = LocalServer.postgres()) {
            server.start();
            run(server, "postgresql");
        }
    }

    @Test
    void mariadbKilledAndCrashedMidRunLosesAndDuplicatesNothing() throws Exception {
        try (LocalServer server = LocalServer.mariadb()) {
            server.start();
            try (Engine admin = Engine.builder("mariadb://root@127.0.0.1:" + server.port + "/mysql")
                    .poolClass(PoolKind.NULL).build(); Connection c = admin.connect()) {
                c.execute(text("CREATE DATABASE ledger"));
            }
            run(server, "mariadb");
        }
    }

    /** What the test knows about each write, by the outcome engine.transaction gave it. */
    static final class Ledger {
        final Set<Long> committed = ConcurrentHashMap.newKeySet();
        final Set<Long> failed = ConcurrentHashMap.newKeySet();
        final Set<Long> ambiguous = ConcurrentHashMap.newKeySet();
        final Set<Long> deleted = ConcurrentHashMap.newKeySet();
        final Set<Long> maybeDeleted = ConcurrentHashMap.newKeySet();
        final AtomicInteger transactions = new AtomicInteger();
        final AtomicInteger failures = new AtomicInteger();
        final AtomicInteger ambiguousCommits = new AtomicInteger();
        final AtomicInteger retries = new AtomicInteger();
        final List<Long> successNanos = java.util.Collections.synchronizedList(new ArrayList<>());
    }

    private void run(LocalServer server, String name) throws Exception {
        Engine engine = Engine.builder(server.url()).poolSize(THREADS).maxOverflow(2).poolPrePing(true)
                .poolTimeout(Duration.ofSeconds(5)).isolationLevel(IsolationLevel.READ_COMMITTED).build();
        Engine admin = Engine.builder(server.url()).poolClass(PoolKind.NULL).build();
        try {
            Registry.of(Parent.class, Child.class, Account.class).metadata().createAll(engine);
            // the ORM's transfers read then write whole values: SERIALIZABLE makes a lost update a retryable error
            Engine serializable = engine.executionOptions(ExecutionOptions.defaults().isolationLevel(IsolationLevel.SERIALIZABLE));
            engine.begin(conn -> {
                for (int i = 1; i <= ACCOUNTS; i++) {
                    conn.execute(text("INSERT INTO account (id, balance, version) VALUES (:id, 1000, 0)"), Map.of("id", i));
                }
            });
            Ledger ledger = new Ledger();
            Retry retry = Retry.defaults().maxAttempts(10).backoff(Duration.ofMillis(20), Duration.ofMillis(400))
                    .onRetry((attempt, failure, wait) -> ledger.retries.incrementAndGet());
            AtomicBoolean stop = new AtomicBoolean();
            ExecutorService workers = Executors.newFixedThreadPool(THREADS + 1);
            long start = System.nanoTime();
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                futures.add(workers.submit(() -> work(engine, serializable, retry, ledger, thread, stop)));
            }
            Map<String, Long> faults = new HashMap<>();
            Future<?> faulting = workers.submit(() -> {
                sleep(RUN_MILLIS / 5);
                faults.put("kill", System.nanoTime());
                killClients(admin, name);
                sleep(RUN_MILLIS / 5);
                try {
                    server.restart();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                faults.put("restart", System.nanoTime());
                sleep(RUN_MILLIS / 5);
                faults.put("kill2", System.nanoTime());
                killClients(admin, name);
                return null;
            });
            faulting.get(120, TimeUnit.SECONDS);
            long left = RUN_MILLIS - TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            sleep(Math.max(0, left));
            stop.set(true);
            for (Future<?> f : futures) {
                try {
                    f.get(60, TimeUnit.SECONDS);
                } catch (TimeoutException e) {
                    throw new AssertionError("a worker thread hung for 60 s after the run ended", e);
                }
            }
            workers.shutdownNow();

            verify(engine, ledger, name);
            assertThat(engine.pool().status()).as("no pooled connection leaked").contains(" 0 checked out");
            System.out.printf(java.util.Locale.ROOT, "[retort] fault-load %s: %d Core and ORM transactions from %d threads, "
                            + "%d committed writes checked, 0 lost, 0 duplicated, %d failed cleanly, %d ambiguous commits "
                            + "(%d found durable), %d retries; served again %.2f s after killing every connection, "
                            + "%.2f s after the crash-restart%n",
                    name, ledger.transactions.get(), THREADS, ledger.committed.size(), ledger.failures.get(),
                    ledger.ambiguousCommits.get(), durable.get(), ledger.retries.get(),
                    recovery(ledger, faults.get("kill")), recovery(ledger, faults.get("restart")));
        } finally {
            admin.close();
            engine.close();
        }
    }

    private final AtomicLong durable = new AtomicLong();

    private static double recovery(Ledger ledger, long after) {
        synchronized (ledger.successNanos) {
            return ledger.successNanos.stream().filter(t -> t > after).mapToLong(t -> t - after).min()
                    .orElse(Long.MAX_VALUE) / 1e9;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void killClients(Engine admin, String name) {
        try (Connection c = admin.connect()) {
            c.setIsolationLevel(IsolationLevel.AUTOCOMMIT);
            if (name.equals("postgresql")) {
                c.execute(text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE pid <> pg_backend_pid() "
                        + "AND backend_type = 'client backend'")).all();
            } else {
                List<Object> ids = c.execute(text("SELECT id FROM information_schema.processlist "
                        + "WHERE id <> CONNECTION_ID() AND command <> 'Daemon'")).scalars(Object.class).all();
                for (Object id : ids) {
                    try {
                        c.execute(text("KILL " + ((Number) id).longValue()));
                    } catch (DBAPIException gone) {
                        // the thread ended by itself in between
                    }
                }
            }
        }
    }

    private static void work(Engine engine, Engine serializable, Retry retry, Ledger ledger, int thread,
                             AtomicBoolean stop) {
        if (thread % 2 == 1) {
            ormWork(serializable, retry, ledger, thread, stop);
            return;
        }
        Random random = new Random(1234L + thread);
        List<Long> mine = new ArrayList<>();
        long seq = 0;
        while (!stop.get()) {
            int op = random.nextInt(10);
            ledger.transactions.incrementAndGet();
            if (op < 5 || mine.isEmpty()) {
                long id = (thread + 1) * 1_000_000L + ++seq;
                outcome(ledger, id, ledger.committed, ledger.failed, ledger.ambiguous, () -> engine.transaction(retry, conn -> {
                    conn.execute(text("INSERT INTO parent (id, owner) VALUES (:id, :owner)"), Map.of("id", id, "owner", thread));
                    conn.execute(text("INSERT INTO child (id, parent_id, n) VALUES (:id, :p, :n)"), List.of(
                            Map.of("id", id * 10 + 1, "p", id, "n", 1), Map.of("id", id * 10 + 2, "p", id, "n", 2),
                            Map.of("id", id * 10 + 3, "p", id, "n", 3)));
                    return null;
                }));
                if (ledger.committed.contains(id)) {
                    mine.add(id);
                }
            } else if (op < 8) {
                int a = 1 + random.nextInt(ACCOUNTS);
                int b = 1 + (a + random.nextInt(ACCOUNTS - 1)) % ACCOUNTS;
                long amount = 1 + random.nextInt(50);
                outcome(ledger, -1, null, null, null, () -> engine.transaction(retry, conn -> {
                    Object v = conn.execute(text("SELECT version FROM account WHERE id = :id"), Map.of("id", a)).scalar();
                    long n = conn.execute(text("UPDATE account SET balance = balance - :x, version = version + 1 "
                            + "WHERE id = :id AND version = :v"), Map.of("x", amount, "id", a, "v", v)).rowcount();
                    if (n != 1) {
                        throw new IllegalStateException("account " + a + " changed under us (version " + v + ")");
                    }
                    conn.execute(text("UPDATE account SET balance = balance + :x, version = version + 1 WHERE id = :id"),
                            Map.of("x", amount, "id", b));
                    return null;
                }));
            } else {
                long id = mine.remove(random.nextInt(mine.size()));
                outcome(ledger, id, ledger.deleted, null, ledger.maybeDeleted, () -> engine.transaction(retry, conn -> {
                    conn.execute(text("DELETE FROM child WHERE parent_id = :id"), Map.of("id", id));
                    long n = conn.execute(text("DELETE FROM parent WHERE id = :id"), Map.of("id", id)).rowcount();
                    if (n != 1) {
                        throw new IllegalStateException("parent " + id + " was committed but is gone (" + n + " rows)");
                    }
                    return null;
                }));
                if (!ledger.deleted.contains(id) && !ledger.maybeDeleted.contains(id)) {
                    mine.add(id);
                }
            }
        }
    }

    private static void ormWork(Engine engine, Retry retry, Ledger ledger, int thread, AtomicBoolean stop) {
        Random random = new Random(4321L + thread);
        List<Long> mine = new ArrayList<>();
        long seq = 0;
        while (!stop.get()) {
            int op = random.nextInt(10);
            ledger.transactions.incrementAndGet();
            if (op < 5 || mine.isEmpty()) {
                long id = (thread + 1) * 1_000_000L + ++seq;
                outcome(ledger, id, ledger.committed, ledger.failed, ledger.ambiguous, () -> retry.run(() -> {
                    try (Session session = Session.of(engine)) {
                        session.add(new Parent(id, thread));
                        for (int k = 1; k <= 3; k++) {
                            session.add(new Child(id * 10 + k, id, k));
                        }
                        session.commit();
                    }
                    return null;
                }));
                if (ledger.committed.contains(id)) {
                    mine.add(id);
                }
            } else if (op < 8) {
                int a = 1 + random.nextInt(ACCOUNTS);
                int b = 1 + (a + random.nextInt(ACCOUNTS - 1)) % ACCOUNTS;
                long amount = 1 + random.nextInt(50);
                outcome(ledger, -1, null, null, null, () -> retry.run(() -> {
                    try (Session session = Session.of(engine)) {
                        Account from = session.get(Account.class, a);
                        Account to = session.get(Account.class, b);
                        from.balance -= amount;
                        from.version++;
                        to.balance += amount;
                        to.version++;
                        session.commit();
                    }
                    return null;
                }));
            } else {
                long id = mine.remove(random.nextInt(mine.size()));
                outcome(ledger, id, ledger.deleted, null, ledger.maybeDeleted, () -> retry.run(() -> {
                    try (Session session = Session.of(engine)) {
                        for (Child c : session.scalars(Orm.select(Child.class).where(CHILD_PARENT.eq(id))).all()) {
                            session.delete(c);
                        }
                        session.flush();
                        Parent p = session.get(Parent.class, id);
                        if (p == null) {
                            throw new IllegalStateException("parent " + id + " was committed but is gone");
                        }
                        session.delete(p);
                        session.commit();
                    }
                    return null;
                }));
                if (!ledger.deleted.contains(id) && !ledger.maybeDeleted.contains(id)) {
                    mine.add(id);
                }
            }
        }
    }

    private static boolean outcomeUnknown(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof DBAPIException d && d.commitOutcomeUnknown()) {
                return true;
            }
        }
        return false;
    }

    private static void outcome(Ledger ledger, long id, Set<Long> ok, Set<Long> failed, Set<Long> unknown, Runnable tx) {
        try {
            tx.run();
            ledger.successNanos.add(System.nanoTime());
            if (ok != null) {
                ok.add(id);
            }
        } catch (AssertionError e) {
            // pgJDBC 42.7's BatchResultHandler asserts when a batch fails on a dead connection; without -ea (as in
            // production) that is a BatchUpdateException. Either way the batch failed before COMMIT was sent.
            if (!String.valueOf(e.getMessage()).contains("getAutoCommit() should not throw")) {
                throw e;
            }
            ledger.failures.incrementAndGet();
            if (failed != null) {
                failed.add(id);
            }
        } catch (RuntimeException e) {
            if (e instanceof IllegalStateException && e.getMessage().contains("is gone")) {
                throw e;
            }
            if (outcomeUnknown(e)) {
                ledger.ambiguousCommits.incrementAndGet();
                if (unknown != null) {
                    unknown.add(id);
                }
                return;
            }
            ledger.failures.incrementAndGet();
            if (failed != null) {
                failed.add(id);
            }
        }
    }

    private void verify(Engine engine, Ledger ledger, String name) {
        Map<Long, Integer> children = new HashMap<>();
        try (Connection conn = engine.connect()) {
            for (var row : conn.execute(text("SELECT p.id, count(c.id) FROM parent p LEFT JOIN child c ON c.parent_id = p.id "
                    + "GROUP BY p.id"))) {
                children.put(((Number) row.get(0)).longValue(), ((Number) row.get(1)).intValue());
            }
            long orphans = ((Number) conn.scalar(text("SELECT count(*) FROM child c WHERE NOT EXISTS "
                    + "(SELECT 1 FROM parent p WHERE p.id = c.parent_id)"))).longValue();
            assertThat(orphans).as(name + ": children without parent").isZero();
            long total = ((Number) conn.scalar(text("SELECT sum(balance) FROM account"))).longValue();
            assertThat(total).as(name + ": money created or destroyed").isEqualTo(1000L * ACCOUNTS);
        }
        List<Long> lost = new ArrayList<>();
        for (long id : ledger.committed) {
            if (!ledger.deleted.contains(id) && !ledger.maybeDeleted.contains(id) && !children.containsKey(id)) {
                lost.add(id);
            }
        }
        assertThat(lost).as(name + ": committed writes missing (lost)").isEmpty();
        List<Long> ghosts = new ArrayList<>();
        for (long id : children.keySet()) {
            boolean explained = ledger.committed.contains(id) && !ledger.deleted.contains(id)
                    || ledger.ambiguous.contains(id) || ledger.maybeDeleted.contains(id);
            if (!explained) {
                ghosts.add(id);
            }
        }
        assertThat(ghosts).as(name + ": rows the ledger says were never committed, or were deleted").isEmpty();
        assertThat(children.values()).as(name + ": every parent whole (three children, no partial writes)")
                .allMatch(n -> n == 3);
        durable.set(ledger.ambiguous.stream().filter(children::containsKey).count()
                + ledger.maybeDeleted.stream().filter(id -> !children.containsKey(id)).count());
    }
}
