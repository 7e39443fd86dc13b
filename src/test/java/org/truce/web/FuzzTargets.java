package org.truce.web;

import io.javalin.http.HandlerType;
import io.javalin.router.Endpoint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.truce.support.TestNode;

/**
 * Every write route of a running node (POST, PUT, PATCH and DELETE as the app registers them, page
 * forms included), each with the caller the authorisation table lets write and a fresh valid body of
 * the table's kind. Open once per property on its own node; close after it. Not thread-safe.
 */
final class FuzzTargets implements AutoCloseable {
    private static final Set<HandlerType> WRITES = Set.of(HandlerType.POST, HandlerType.PUT, HandlerType.PATCH, HandlerType.DELETE);
    /** Private stores whose rows a rejected request must leave as they were (the audit trail may note the attempt). */
    private static final List<String> PRIVATE = List.of("accounts.db", "feedback.db", "keys.db");

    /** One write route: how to call it and with which valid body kind ({@code -} for none). */
    record Target(String method, String template, String path, String bodyName, String token, boolean form) {
        boolean api() {
            return template.startsWith("/api/");
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    final TestNode node;
    final List<Target> targets = new ArrayList<>();
    private final AuthorizationMatrixTest bodies = new AuthorizationMatrixTest();
    private final Map<String, String> fixture;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final List<Connection> stores = new ArrayList<>();
    /** Requests re-sent because the kept-alive connection had been closed under them. */
    int drops;

    FuzzTargets(Path dir) throws IOException {
        node = TestNode.withDemo(dir);
        Map<String, String> tokens = AuthorizationMatrixTest.callers(node);
        node.account("unhcr", "unhcr", "spare", org.truce.accounts.Role.ANALYST);
        fixture = AuthorizationMatrixTest.fixtures(node, tokens);
        Map<String, AuthorizationMatrixTest.Row> rows = new TreeMap<>();
        for (var row : AuthorizationMatrixTest.rows()) rows.put(AuthorizationMatrixTest.route(row), row);
        List<String> callers = new ArrayList<>(tokens.keySet());
        for (Endpoint e : RouteRulesTest.endpoints(node.app)) {
            if (!WRITES.contains(e.method)) continue;
            var row = rows.get(e.method.name() + " " + e.path);
            if (row == null) throw new IllegalStateException(e.method + " " + e.path + " has no row in authz/matrix.txt");
            String caller = callers.get(writer(row.expected()));
            targets.add(new Target(row.method(), e.path, fill(row.path()), row.body(), tokens.get(caller), row.body().startsWith("form-")));
        }
        try {
            for (String file : PRIVATE) stores.add(DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(file)));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first caller (after the anonymous one) the table lets write; the anonymous one when nobody may. */
    private static int writer(List<Integer> expected) {
        for (int i = 1; i < expected.size(); i++) if (expected.get(i) / 100 == 2 || expected.get(i) == 303) return i;
        return expected.get(0) / 100 == 2 ? 0 : 1;
    }

    /** A fresh valid body of the target's kind (new ids each call); empty for a route without a body. */
    String valid(Target t) {
        if (t.bodyName().equals("-")) return "";
        return fill(bodies.body(t.bodyName()));
    }

    private String fill(String s) {
        for (var f : fixture.entrySet()) s = s.replace(f.getKey(), f.getValue());
        return s;
    }

    /** The target's path with its first path parameter's value replaced by {@code id}, URL-encoded. */
    String withId(Target t, String id) {
        String encoded = URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
        int open = t.template().indexOf('{');
        if (open < 0) return t.path();
        int close = t.template().indexOf('}', open);
        String rest = t.template().substring(close + 1);
        String prefix = t.template().substring(0, open);
        String after = t.path().substring(prefix.length());
        int end = rest.isEmpty() ? after.length() : after.indexOf(rest);
        return prefix + encoded + after.substring(end);
    }

    TestNode.Response send(Target t, String path, HostileBodies.Body body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(node.base() + path));
        if (t.token() != null) b.header("Authorization", "Bearer " + t.token());
        if (!body.contentType().isEmpty()) b.header("Content-Type", body.contentType());
        b.method(t.method(), body.bytes().length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body.bytes()));
        try {
            HttpResponse<String> r;
            try {
                r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException dropped) {
                // KNOWN, not yet explained (see the fuzzing report): now and then the node closes a kept-alive
                // connection the client then reuses; the request never reached a handler, so it is sent once more
                // on a new connection, and the checks around it still see any write it made
                drops++;
                r = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(b.build(), HttpResponse.BodyHandlers.ofString());
            }
            return new TestNode.Response(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Rows per table of the private stores (accounts, feedback, data keys): cheap, and any write shows. */
    Map<String, Long> privateRows() {
        Map<String, Long> out = new TreeMap<>();
        try {
            for (int i = 0; i < stores.size(); i++) {
                Connection c = stores.get(i);
                List<String> tables = new ArrayList<>();
                try (ResultSet rs = c.createStatement().executeQuery("SELECT name FROM sqlite_master WHERE type = 'table'")) {
                    while (rs.next()) tables.add(rs.getString(1));
                }
                for (String table : tables) {
                    try (ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM \"" + table + "\"")) {
                        rs.next();
                        out.put(PRIVATE.get(i) + "/" + table, rs.getLong(1));
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    @Override
    public void close() {
        for (Connection c : stores) {
            try {
                c.close();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
        node.close();
    }
}
