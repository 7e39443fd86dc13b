package org.truce.store;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * Where a PostgreSQL database is: the JDBC URL and the credentials, parsed from the forms an operator
 * writes, {@code postgresql://user[:password]@host[:port]/database[?parameters]} (libpq's URI, also
 * {@code postgres://}) or a {@code jdbc:postgresql:} URL passed through as it is. Immutable.
 */
record PostgresUrl(String jdbcUrl, String user, String password) {

    private static final int DEFAULT_PORT = 5432;

    static PostgresUrl parse(String url) {
        if (url == null || url.isBlank()) throw new IllegalArgumentException("the database URL must not be empty");
        if (url.startsWith("jdbc:postgresql:")) return new PostgresUrl(url, null, null);
        if (!url.startsWith("postgresql://") && !url.startsWith("postgres://")) {
            throw new IllegalArgumentException("the database URL must start with postgresql:// or jdbc:postgresql:, not " + redacted(url));
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("the database URL is not a URI: " + e.getReason());
        }
        if (uri.getHost() == null) throw new IllegalArgumentException("the database URL names no host: " + redacted(url));
        String path = uri.getPath() == null ? "" : uri.getPath();
        if (path.length() <= 1) throw new IllegalArgumentException("the database URL names no database: " + redacted(url));
        int port = uri.getPort() < 0 ? DEFAULT_PORT : uri.getPort();
        String jdbc = "jdbc:postgresql://" + uri.getHost() + ":" + port + path
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        String user = null;
        String password = null;
        if (uri.getRawUserInfo() != null) {
            String[] parts = uri.getRawUserInfo().split(":", 2);
            user = decode(parts[0]);
            if (parts.length == 2) password = decode(parts[1]);
        }
        return new PostgresUrl(jdbc, user, password);
    }

    /** The URL without a password, for messages and logs. */
    static String redacted(String url) {
        return url.replaceAll("(://[^:/@]*):[^@/]*@", "$1:***@");
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "PostgresUrl[" + jdbcUrl + ", user=" + user + "]";
    }
}
