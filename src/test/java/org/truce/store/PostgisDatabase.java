package org.truce.store;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A throw-away database {@code truce_gis_<random>} with PostGIS on the PostgreSQL at 127.0.0.1:5432
 * (or {@code TRUCE_PG_HOST}/{@code TRUCE_PG_PORT}/{@code TRUCE_PG_USER}), dropped on close. When
 * PostgreSQL or PostGIS is missing the calling test is skipped with an assumption naming what is
 * missing, unless {@code TRUCE_REQUIRE_POSTGRES=1}, when it fails.
 */
public final class PostgisDatabase implements AutoCloseable {
    public static final String HOST = env("TRUCE_PG_HOST", "127.0.0.1");
    public static final int PORT = Integer.parseInt(env("TRUCE_PG_PORT", "5432"));
    public static final String USER = env("TRUCE_PG_USER", "postgres");

    private final String name;
    private final PGSimpleDataSource source;

    private PostgisDatabase(String name) {
        this.name = name;
        this.source = source(name);
    }

    /** Creates the database with PostGIS, or skips (fails when required) when that is not possible. */
    public static PostgisDatabase create() {
        String name = "truce_gis_" + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE).toLowerCase(Locale.ROOT);
        try (Connection c = source("postgres").getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            missing("PostgreSQL is not reachable at " + HOST + ":" + PORT + " as " + USER + " (" + e.getMessage() + ")");
        }
        PostgisDatabase db = new PostgisDatabase(name);
        try (Connection c = db.source.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE EXTENSION IF NOT EXISTS postgis");
        } catch (SQLException e) {
            db.close();
            missing("PostGIS is not installed in the PostgreSQL at " + HOST + ":" + PORT + " (" + e.getMessage()
                    + "); on Debian: apt-get install postgresql-15-postgis-3");
        }
        return db;
    }

    public PGSimpleDataSource source() {
        return source;
    }

    public String name() {
        return name;
    }

    @Override
    public void close() {
        try (Connection c = source("postgres").getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException e) {
            throw new IllegalStateException("could not drop the test database " + name, e);
        }
    }

    private static void missing(String what) {
        if ("1".equals(System.getenv("TRUCE_REQUIRE_POSTGRES"))) {
            throw new AssertionError(what + " and TRUCE_REQUIRE_POSTGRES=1 requires it");
        }
        assumeTrue(false, "skipped: " + what);
    }

    private static PGSimpleDataSource source(String database) {
        PGSimpleDataSource s = new PGSimpleDataSource();
        s.setServerNames(new String[] {HOST});
        s.setPortNumbers(new int[] {PORT});
        s.setDatabaseName(database);
        s.setUser(USER);
        s.setConnectTimeout(5);
        return s;
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
