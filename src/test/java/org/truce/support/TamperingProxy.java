package org.truce.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A log that lies about one answer: a reverse proxy on localhost in front of a real node, passing every
 * GET through (status, content type and bytes) except what {@link Tamper} changes. Readers (a browser,
 * a mirror) are pointed at {@link #base}, so they see the node's own pages and API with one answer
 * altered. Only GET; anything else answers 405. Thread-safe; {@link #close} stops it.
 */
public final class TamperingProxy implements AutoCloseable {
    /** An answer of the node, or of the proxy instead. */
    public record Answer(int status, String contentType, byte[] body) {}

    /** Changes the node's answer to {@code pathAndQuery} (as requested, e.g. {@code /api/v1/ledger/checkpoint}); returns it to pass it through. */
    public interface Tamper {
        Answer change(String pathAndQuery, Answer fromNode);
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String target;
    private final Tamper tamper;
    private final AtomicInteger changed = new AtomicInteger();

    private TamperingProxy(String target, Tamper tamper) throws IOException {
        this.target = target.replaceAll("/+$", "");
        this.tamper = tamper;
        server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    /** Starts a proxy in front of {@code target} ({@code http://localhost:port}). */
    public static TamperingProxy start(String target, Tamper tamper) throws IOException {
        return new TamperingProxy(target, tamper);
    }

    public String base() {
        return "http://localhost:" + server.getAddress().getPort();
    }

    /** How many answers the tamper changed so far (to tell that the test's lie was served). */
    public int changed() {
        return changed.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!exchange.getRequestMethod().equals("GET")) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            String pathAndQuery = exchange.getRequestURI().getRawPath()
                    + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery());
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target + pathAndQuery)).timeout(Duration.ofMinutes(2));
            for (String header : new String[] {"Accept", "Accept-Language"}) {
                String value = exchange.getRequestHeaders().getFirst(header);
                if (value != null) request.header(header, value);
            }
            HttpResponse<byte[]> r = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            Answer node = new Answer(r.statusCode(), r.headers().firstValue("Content-Type").orElse(null), r.body());
            Answer answer = tamper.change(pathAndQuery, node);
            if (answer != node) changed.incrementAndGet();
            if (answer.contentType() != null) exchange.getResponseHeaders().set("Content-Type", answer.contentType());
            exchange.sendResponseHeaders(answer.status(), answer.body().length == 0 ? -1 : answer.body().length);
            if (answer.body().length > 0) exchange.getResponseBody().write(answer.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while asking " + target, e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
