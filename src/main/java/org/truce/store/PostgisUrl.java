package org.truce.store;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A PostgreSQL address as the command line takes it, {@code postgresql://[user[:password]@]host[:port]/database[?param=value&...]}
 * (libpq's URI form; {@code postgres://} and {@code jdbc:postgresql://} are accepted too), turned into
 * a JDBC data source. Without a user, {@code postgres}. Stateless.
 */
public final class PostgisUrl {
    private PostgisUrl() {}

    /**
     * @param option the option it came from, named in the error
     * @throws IllegalArgumentException naming the option and what is wrong with the address
     */
    public static DataSource dataSource(String url, String option) {
        if (url == null || url.isBlank()) throw new IllegalArgumentException(option + " must be a postgresql:// address");
        String u = url.startsWith("jdbc:") ? url.substring(5) : url;
        URI uri;
        try {
            uri = new URI(u);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(option + " is not an address: " + e.getMessage());
        }
        if (!"postgresql".equals(uri.getScheme()) && !"postgres".equals(uri.getScheme())) {
            throw new IllegalArgumentException(option + " must start with postgresql://, not " + uri.getScheme() + ":");
        }
        String database = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
        if (uri.getHost() == null || database.isEmpty()) {
            throw new IllegalArgumentException(option + " must name a host and a database: postgresql://host:5432/database");
        }
        PGSimpleDataSource s = new PGSimpleDataSource();
        s.setURL("jdbc:postgresql://" + uri.getHost() + ":" + (uri.getPort() < 0 ? 5432 : uri.getPort()) + "/" + database
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
        String user = "postgres";
        if (uri.getRawUserInfo() != null) {
            String[] parts = uri.getRawUserInfo().split(":", 2);
            user = URLDecoder.decode(parts[0], StandardCharsets.UTF_8);
            if (parts.length == 2) s.setPassword(URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
        }
        if (s.getUser() == null) s.setUser(user);
        return s;
    }
}
