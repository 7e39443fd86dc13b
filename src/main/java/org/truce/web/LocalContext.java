package org.truce.web;

import io.javalin.config.Key;
import io.javalin.config.MultipartConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.json.JsonMapper;
import io.javalin.plugin.ContextPlugin;
import io.javalin.router.Endpoint;
import io.javalin.router.Endpoints;
import io.javalin.security.RouteRole;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * A context for calling a public GET handler of this app in-process with a query of our own, as
 * {@link EverythingZip} does for each table: it answers the query parameters and keeps the status,
 * content type and body the handler sets. Anything else a handler may ask of a request (the servlet
 * request, a session, the body) fails with {@link UnsupportedOperationException}, so a handler that
 * needs more is found at once. One per call; not thread-safe.
 */
final class LocalContext implements Context {
    private final Map<String, List<String>> query = new LinkedHashMap<>();
    private final Map<String, Object> attributes = new LinkedHashMap<>();
    private int status = 200;
    private String contentType;
    private byte[] body = new byte[0];

    LocalContext(Map<String, String> query) {
        query.forEach((k, v) -> this.query.put(k, List.of(v)));
    }

    @Override
    public String queryParam(String key) {
        List<String> v = query.get(key);
        return v == null ? null : v.get(0);
    }

    @Override
    public List<String> queryParams(String key) {
        return query.getOrDefault(key, List.of());
    }

    @Override
    public Map<String, List<String>> queryParamMap() {
        return Map.copyOf(query);
    }

    @Override
    public String header(String name) {
        return null;
    }

    @Override
    public Context header(String name, String value) {
        return this;
    }

    @Override
    public void attribute(String key, Object value) {
        attributes.put(key, value);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T attribute(String key) {
        return (T) attributes.get(key);
    }

    @Override
    public Context status(int code) {
        status = code;
        return this;
    }

    @Override
    public Context status(HttpStatus s) {
        return status(s.getCode());
    }

    @Override
    public HttpStatus status() {
        return HttpStatus.forStatus(status);
    }

    @Override
    public int statusCode() {
        return status;
    }

    @Override
    public Context contentType(String type) {
        contentType = type;
        return this;
    }

    @Override
    public String contentType() {
        return contentType;
    }

    @Override
    public Context result(byte[] bytes) {
        body = bytes.clone();
        return this;
    }

    @Override
    public Context result(String text) {
        return result(text.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public Context result(InputStream in) {
        try (in) {
            body = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    @Override
    public String result() {
        return new String(body, StandardCharsets.UTF_8);
    }

    @Override
    public InputStream resultInputStream() {
        return new ByteArrayInputStream(body);
    }

    private static UnsupportedOperationException unsupported(String what) {
        return new UnsupportedOperationException("an in-process call has no " + what);
    }

    @Override public HttpServletRequest req() { throw unsupported("servlet request"); }
    @Override public HttpServletResponse res() { throw unsupported("servlet response"); }
    @Override public Endpoints endpoints() { throw unsupported("endpoints"); }
    @Override public Endpoint endpoint() { throw unsupported("endpoint"); }
    @Override public <T> T appData(Key<T> key) { throw unsupported("app data"); }
    @Override public JsonMapper jsonMapper() { throw unsupported("JSON mapper"); }
    @Override public <T> T with(Class<? extends ContextPlugin<?, T>> plugin) { throw unsupported("plugins"); }
    @Override public MultipartConfig multipartConfig() { throw unsupported("multipart"); }
    @Override public boolean strictContentTypes() { return true; }
    @Override public String pathParam(String key) { throw unsupported("path parameter " + key); }
    @Override public Map<String, String> pathParamMap() { return Map.of(); }
    @Override public ServletOutputStream outputStream() { throw unsupported("output stream"); }
    @Override public Context minSizeForCompression(int size) { return this; }
    @Override public void future(Supplier<? extends CompletableFuture<?>> future) { throw unsupported("futures"); }
    @Override public void redirect(String location, HttpStatus s) { throw unsupported("redirects"); }
    @Override public void writeJsonStream(Stream<?> stream) { throw unsupported("JSON streams"); }
    @Override public Context skipRemainingHandlers() { return this; }
    @Override public Set<RouteRole> routeRoles() { return Set.of(); }
}
