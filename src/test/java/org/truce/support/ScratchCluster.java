package org.truce.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A PostgreSQL cluster of the test's own: {@code initdb} in a fresh directory and {@code pg_ctl} on a
 * random port of 127.0.0.1, so a test may stop and start the server under a node without touching
 * the machine's shared cluster. Run as root, the commands run as the {@code postgres} user (initdb
 * refuses root). Without PostgreSQL's server binaries the test is skipped with the reason, or fails
 * when {@code TRUCE_REQUIRE_POSTGRES=1}. Not thread-safe; close it to stop the server and delete it.
 */
public final class ScratchCluster implements AutoCloseable {
    private static final List<Path> BIN_DIRS = List.of(Path.of("/usr/lib/postgresql/15/bin"),
            Path.of("/usr/lib/postgresql/16/bin"), Path.of("/usr/lib/postgresql/17/bin"));

    private final Path bin;
    private final Path home;
    private final Path data;
    private final int port;
    private final boolean asPostgresUser;

    private ScratchCluster(Path bin, Path home, int port, boolean asPostgresUser) {
        this.bin = bin;
        this.home = home;
        this.data = home.resolve("data");
        this.port = port;
        this.asPostgresUser = asPostgresUser;
    }

    /** Creates the cluster (trust authentication for user postgres) and starts it. */
    public static ScratchCluster start() throws IOException, InterruptedException {
        Path bin = BIN_DIRS.stream().filter(d -> Files.isExecutable(d.resolve("initdb"))).findFirst().orElse(null);
        if (bin == null) {
            String why = "PostgreSQL's server binaries (initdb, pg_ctl) are not installed in " + BIN_DIRS
                    + "; the tests that stop a database of their own were skipped";
            if ("1".equals(System.getenv("TRUCE_REQUIRE_POSTGRES"))) Assertions.fail(why + " but TRUCE_REQUIRE_POSTGRES=1");
            Assumptions.abort(why);
        }
        boolean root = "root".equals(System.getProperty("user.name"));
        // a directory the postgres user can own: not under a root-only temporary directory
        Path home = Files.createTempDirectory(Path.of("/tmp"), "truce-pg-");
        if (root) run(List.of("chown", "postgres:postgres", home.toString()));
        ScratchCluster cluster = new ScratchCluster(bin, home, freePort(), root);
        cluster.pg(List.of("initdb", "-D", cluster.data.toString(), "-U", "postgres", "--auth=trust", "-E", "UTF8",
                "--no-instructions"));
        cluster.startServer();
        return cluster;
    }

    /** The address a node is given: {@code postgresql://postgres@127.0.0.1:<port>/postgres}. */
    public String url() {
        return "postgresql://postgres@127.0.0.1:" + port + "/postgres";
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=postgres";
    }

    /** Starts the server and waits until it accepts connections. */
    public void startServer() throws IOException, InterruptedException {
        pg(List.of("pg_ctl", "-D", data.toString(), "-l", home.resolve("server.log").toString(), "-w", "-t", "60",
                "-o", "-p " + port + " -c listen_addresses=127.0.0.1 -k " + home + " -c fsync=on", "start"));
    }

    /** Stops the server in fast mode: open transactions are rolled back, clients are disconnected. */
    public void stopServer() throws IOException, InterruptedException {
        pg(List.of("pg_ctl", "-D", data.toString(), "-w", "-t", "60", "-m", "fast", "stop"));
    }

    @Override
    public void close() throws IOException, InterruptedException {
        try {
            if (Files.exists(data.resolve("postmaster.pid"))) {
                pg(List.of("pg_ctl", "-D", data.toString(), "-w", "-t", "60", "-m", "immediate", "stop"));
            }
        } finally {
            try (Stream<Path> files = Files.walk(home)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
            }
        }
    }

    private void pg(List<String> command) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>();
        if (asPostgresUser) full.addAll(List.of("runuser", "-u", "postgres", "--"));
        full.add(bin.resolve(command.get(0)).toString());
        full.addAll(command.subList(1, command.size()));
        run(full);
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException(String.join(" ", command) + " did not finish within 120 s");
        }
        if (p.exitValue() != 0) throw new IOException(String.join(" ", command) + " failed (" + p.exitValue() + "): " + out);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
