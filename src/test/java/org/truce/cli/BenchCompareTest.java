package org.truce.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code bench --compare --quick} runs end to end and prints every row: only that it completes, no
 * timings asserted. Against the machine's PostgreSQL (skipped when none is reachable, failing instead
 * under TRUCE_REQUIRE_POSTGRES=1), and without one (an address where nothing listens).
 */
class BenchCompareTest {
    private static final String PG = "postgresql://postgres@127.0.0.1:5432/postgres";
    private static final List<String> ROWS = List.of("| durable append, 1 client (appends/s) |", "| durable append, 16 clients (appends/s) |",
            "| as-of query, 1,000 rows per series (µs/query) |", "| as-of query, 10,000 rows per series (µs/query) |",
            "| point-in-zone classification (points/s) |", "| area and length vs PostGIS geography (µs/feature) |");

    private static String run(String... args) {
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            assertThat(new CommandLine(new Main()).execute(args)).isZero();
        } finally {
            System.setOut(old);
        }
        String out = buf.toString(StandardCharsets.UTF_8);
        System.out.print(out);
        return out;
    }

    private static Connection postgres() throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", "postgres");
        p.setProperty("connectTimeout", "5");
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", p);
    }

    @Test
    void compares_with_sqlite_and_postgresql_and_drops_its_scratch_database() throws Exception {
        try (Connection c = postgres()) {
            c.isValid(1);
        } catch (SQLException e) {
            String why = "PostgreSQL is not reachable at 127.0.0.1:5432 (" + e.getMessage() + ")";
            if ("1".equals(System.getenv("TRUCE_REQUIRE_POSTGRES"))) Assertions.fail(why + " and TRUCE_REQUIRE_POSTGRES=1");
            Assumptions.assumeTrue(false, why + ": bench --compare against PostgreSQL skipped");
        }
        String out = run("bench", "--compare", "--quick", "--pg", PG);
        for (String row : ROWS) assertThat(out).contains(row);
        assertThat(out).doesNotContain("Skipped").doesNotContain("skipped").contains("PostgreSQL 1").contains("PostGIS")
                .contains("Index Only Scan using facts_as_of").contains("zone hits identical");
        Matcher m = Pattern.compile("scratch database (truce_bench_[0-9a-z]+)").matcher(out);
        assertThat(m.find()).isTrue();
        try (Connection c = postgres(); PreparedStatement q = c.prepareStatement("SELECT count(*) FROM pg_database WHERE datname = ?")) {
            q.setString(1, m.group(1));
            try (ResultSet r = q.executeQuery()) {
                r.next();
                assertThat(r.getInt(1)).as("scratch database dropped").isZero();
            }
        }
    }

    @Test
    void without_postgresql_runs_the_rest_and_says_what_it_skipped() {
        String out = run("bench", "--compare", "--quick", "--pg", "postgresql://postgres@127.0.0.1:1/postgres");
        for (String row : ROWS) assertThat(out).contains(row);
        assertThat(out).contains("Skipped: PostgreSQL (not reachable at postgresql://postgres@127.0.0.1:1/postgres")
                .contains("skipped (no PostgreSQL)");
    }
}
