package org.truce.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * The answer to a request the HTTP server refuses before the application sees it: the parser's
 * 400, 414, 431 and 505, a URI it cannot decode, a body that stopped coming. It carries the headers
 * every other answer carries ({@link SecurityHeaders#ALWAYS}), is never stored, and is RFC 9457 problem
 * details of type {@code about:blank} (no application code applies). Jetty's own page would echo its
 * parser's reason; this one names only the status, as the refused bytes may be anything. Stateless
 * and thread-safe; installed on the server by {@link ServerLimits}.
 */
final class ServerErrors extends ErrorHandler {
    ServerErrors() {
        setCacheControl("no-store");
        setShowStacks(false);
        setShowCauses(false);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        SecurityHeaders.ALWAYS.forEach((name, value) -> response.getHeaders().put(name, value));
        return super.handle(request, response, callback);
    }

    /** Every method gets the problem as its body: HEAD's is dropped by the server, as for any HEAD. */
    @Override
    public boolean errorPageForMethod(String method) {
        return true;
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause, Callback callback) {
        String title = HttpStatus.getMessage(code);
        ObjectNode problem = Json.object().put("type", "about:blank").put("title", title).put("status", code)
                .put("detail", "the server refused the request before reading it: " + title.toLowerCase(java.util.Locale.ROOT));
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/problem+json");
        response.write(true, ByteBuffer.wrap(problem.toString().getBytes(StandardCharsets.UTF_8)), callback);
    }
}
