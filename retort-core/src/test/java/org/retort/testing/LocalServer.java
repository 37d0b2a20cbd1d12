package org.retort.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A throw-away database server the test starts itself from the machine's binaries, on a spare loopback port, in
 * a temporary directory: restarting or crashing it disturbs nothing else. Finds PostgreSQL under
 * {@code /usr/lib/postgresql/<version>/bin} or on the PATH, MariaDB's {@code mariadbd} in {@code /usr/sbin} or on
 * the PATH. Absent binaries skip the test with a notice, or fail it when {@code CI=true}.
 */
public abstract class LocalServer implements AutoCloseable {
    private static final boolean CI = "true".equalsIgnoreCase(System.getenv("CI"));
    final Path dir;
    /** The loopback port the server listens on. */
    public final int port;

    LocalServer(String kind) throws IOException {
        this.dir = Files.createTempDirectory("retort-" + kind + "-");
        this.port = sparePort();
    }

    /** {@return the Retort URL of the server's test database} */
    public abstract String url();

    /**
     * Starts the server and waits until it accepts connections.
     *
     * @throws Exception when it does not start
     */
    public abstract void start() throws Exception;

    /**
     * Kills the server as a crash would (no clean shutdown), and waits until it is gone.
     *
     * @throws Exception when it does not die
     */
    public abstract void crash() throws Exception;

    /**
     * Crashes the server and starts it again on the same port and data.
     *
     * @throws Exception when either step fails
     */
    public void restart() throws Exception {
        crash();
        start();
    }

    /**
     * A PostgreSQL server from the machine's binaries, not yet started; skips (or fails under CI) without them.
     *
     * @return the server
     * @throws IOException when its directory cannot be made
     */
    public static LocalServer postgres() throws IOException {
        Path bin = find("initdb", Stream.concat(versionDirs(Path.of("/usr/lib/postgresql")), pathDirs()).toList());
        return new PostgresServer(bin.getParent());
    }

    /**
     * A MariaDB server from the machine's binaries, not yet started; skips (or fails under CI) without them. Its
     * URL names database {@code ledger}, which the caller creates.
     *
     * @return the server
     * @throws IOException when its directory cannot be made
     */
    public static LocalServer mariadb() throws IOException {
        Path server = find("mariadbd", Stream.concat(Stream.of(Path.of("/usr/sbin")), pathDirs()).toList());
        Path install = find("mariadb-install-db", Stream.concat(Stream.of(Path.of("/usr/bin")), pathDirs()).toList());
        return new MariadbServer(server, install);
    }

    private static Stream<Path> versionDirs(Path root) {
        if (!Files.isDirectory(root)) {
            return Stream.empty();
        }
        try (Stream<Path> s = Files.list(root)) {
            return s.sorted(Comparator.reverseOrder()).map(p -> p.resolve("bin")).toList().stream();
        } catch (IOException e) {
            return Stream.empty();
        }
    }

    private static Stream<Path> pathDirs() {
        String path = System.getenv().getOrDefault("PATH", "");
        return Stream.of(path.split(java.io.File.pathSeparator)).filter(s -> !s.isEmpty()).map(Path::of);
    }

    private static Path find(String name, List<Path> dirs) {
        Optional<Path> found = dirs.stream().map(d -> d.resolve(name)).filter(Files::isExecutable).findFirst();
        if (found.isEmpty()) {
            String why = "no '" + name + "' binary on this machine (looked in " + dirs + ")";
            if (CI) {
                Assertions.fail("CI=true requires the fault-load test's server binaries: " + why);
            }
            System.out.println("[retort] fault-load test skipped: " + why);
            Assumptions.abort(why);
        }
        return found.get();
    }

    static int sparePort() throws IOException {
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress("127.0.0.1", 0));
            return s.getLocalPort();
        }
    }

    void awaitPort(boolean open, long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (System.nanoTime() < deadline) {
            boolean accepting;
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                accepting = true;
            } catch (IOException e) {
                accepting = false;
            }
            if (accepting == open) {
                return;
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("server on 127.0.0.1:" + port + " did not " + (open ? "open" : "close")
                + " its port within " + timeoutMillis + " ms; see " + dir);
    }

    static void run(List<String> command, Path log, long timeoutSeconds) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException(command + " did not finish in " + timeoutSeconds + " s; see " + log);
        }
        if (p.exitValue() != 0) {
            throw new IllegalStateException(command + " failed (exit " + p.exitValue() + "): "
                    + Files.readString(log).strip());
        }
    }

    void deleteDir() throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** PostgreSQL through initdb and pg_ctl; as root, run as the {@code postgres} user, which PostgreSQL needs. */
    static final class PostgresServer extends LocalServer {
        private final Path bin;

        PostgresServer(Path bin) throws IOException {
            super("postgresql");
            this.bin = bin;
        }

        private List<String> as(String... command) {
            List<String> out = new ArrayList<>();
            if (isRoot()) {
                out.addAll(List.of("runuser", "-u", "postgres", "--"));
            }
            out.addAll(List.of(command));
            return out;
        }

        @Override
        public String url() {
            return "postgresql://postgres@127.0.0.1:" + port + "/postgres";
        }

        @Override
        public void start() throws Exception {
            Path data = dir.resolve("data");
            if (!Files.exists(data)) {
                if (isRoot()) {
                    run(List.of("chown", "postgres", dir.toString()), dir.resolve("chown.log"), 10);
                }
                run(as(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", "postgres", "--auth=trust",
                        "-E", "UTF8", "--no-sync"), dir.resolve("initdb.log"), 120);
            }
            run(as(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l", dir.resolve("server.log").toString(),
                    "-w", "-t", "60", "-o", "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off "
                            + "-c max_connections=60 -c shared_buffers=16MB", "start"), dir.resolve("pg_ctl-start.log"), 90);
            awaitPort(true, 30_000);
        }

        @Override
        public void crash() throws Exception {
            run(as(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-m", "immediate", "-w",
                    "stop"), dir.resolve("pg_ctl-stop.log"), 60);
            awaitPort(false, 30_000);
        }

        @Override
        public void close() throws Exception {
            try {
                if (Files.exists(dir.resolve("data/postmaster.pid"))) {
                    crash();
                }
            } finally {
                deleteDir();
            }
        }
    }

    /** MariaDB through mariadb-install-db and mariadbd, grant tables skipped (loopback only, throw-away data). */
    static final class MariadbServer extends LocalServer {
        private final Path server;
        private final Path install;
        private Process process;

        MariadbServer(Path server, Path install) throws IOException {
            super("mariadb");
            this.server = server;
            this.install = install;
        }

        @Override
        public String url() {
            return "mariadb://root@127.0.0.1:" + port + "/ledger";
        }

        @Override
        public void start() throws Exception {
            Path data = dir.resolve("data");
            if (!Files.exists(data)) {
                run(List.of(install.toString(), "--no-defaults", "--datadir=" + data, "--user=" + System.getProperty("user.name"),
                        "--auth-root-authentication-method=normal", "--skip-test-db", "--skip-name-resolve"),
                        dir.resolve("install.log"), 180);
            }
            process = new ProcessBuilder(server.toString(), "--no-defaults", "--datadir=" + data, "--port=" + port,
                    "--bind-address=127.0.0.1", "--socket=" + dir.resolve("mysqld.sock"),
                    "--pid-file=" + dir.resolve("mysqld.pid"), "--user=" + System.getProperty("user.name"),
                    "--skip-grant-tables", "--skip-name-resolve", "--innodb-buffer-pool-size=32M",
                    "--innodb-flush-log-at-trx-commit=2", "--max-connections=60", "--character-set-server=utf8mb4",
                    "--collation-server=utf8mb4_bin", "--log-error=" + dir.resolve("server.log"))
                    .redirectErrorStream(true).redirectOutput(dir.resolve("stdout.log").toFile()).start();
            awaitPort(true, 60_000);
        }

        @Override
        public void crash() throws Exception {
            if (process != null) {
                process.destroyForcibly();
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("mariadbd did not die within 30 s");
                }
                process = null;
            }
            awaitPort(false, 30_000);
        }

        @Override
        public void close() throws Exception {
            try {
                crash();
            } finally {
                deleteDir();
            }
        }
    }
}
