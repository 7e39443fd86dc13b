package org.truce.cli;

import java.net.URI;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * A scratch database {@code truce_bench_<random>} on a PostgreSQL server named by a
 * {@code postgresql://user[:password]@host:port/database} address, created on {@link #create} and
 * dropped (with its connections) on {@link #close}. The named database is only used to create and drop it.
 */
final class ScratchPostgres implements AutoCloseable {
    private final String host;
    private final Properties props;
    private final String adminDb;
    final String name;

    private ScratchPostgres(String host, Properties props, String adminDb, String name) {
        this.host = host;
        this.props = props;
        this.adminDb = adminDb;
        this.name = name;
    }

    /** Connects to the named server and creates the scratch database; throws if it cannot be reached. */
    static ScratchPostgres create(String address) throws SQLException {
        URI uri = URI.create(address);
        if (!"postgresql".equals(uri.getScheme()) && !"postgres".equals(uri.getScheme())) {
            throw new IllegalArgumentException("--pg must be a postgresql://user@host:port/database address, not " + address);
        }
        Properties props = new Properties();
        String user = uri.getUserInfo() == null ? "postgres" : uri.getUserInfo();
        int colon = user.indexOf(':');
        if (colon >= 0) {
            props.setProperty("password", user.substring(colon + 1));
            user = user.substring(0, colon);
        }
        props.setProperty("user", user);
        props.setProperty("connectTimeout", "5");
        props.setProperty("loginTimeout", "5");
        String host = uri.getHost() + ":" + (uri.getPort() < 0 ? 5432 : uri.getPort());
        String db = uri.getPath() == null || uri.getPath().length() < 2 ? "postgres" : uri.getPath().substring(1);
        String name = "truce_bench_" + Long.toUnsignedString(new SecureRandom().nextLong(), 36);
        ScratchPostgres pg = new ScratchPostgres(host, props, db, name);
        try (Connection c = pg.connect(db); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        return pg;
    }

    Connection connect() throws SQLException {
        return connect(name);
    }

    private Connection connect(String db) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://" + host + "/" + db, props);
    }

    /** The server's version line and PostGIS's, if installed in the scratch database. */
    String version() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet r = s.executeQuery("SHOW server_version")) {
            r.next();
            return "PostgreSQL " + r.getString(1);
        }
    }

    @Override
    public void close() throws SQLException {
        try (Connection c = connect(adminDb); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }
}
