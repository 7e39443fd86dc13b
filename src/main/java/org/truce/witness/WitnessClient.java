package org.truce.witness;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The log's side of one add-checkpoint call (https://c2sp.org/tlog-witness) over HTTP: the request
 * body out, the witness's answer back as a {@link WitnessAnswer}. One HTTP client with keep-alive,
 * shared by all calls; thread-safe.
 */
final class WitnessClient {
    private static final Duration TIMEOUT = Duration.ofSeconds(15);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    /** @throws IOException when the witness cannot be reached or answers outside the protocol */
    WitnessAnswer submit(URI prefix, AddCheckpoint request) throws IOException, InterruptedException {
        URI url = URI.create(prefix + "/add-checkpoint");
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(url).timeout(TIMEOUT)
                .header("Content-Type", "text/plain; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(request.text())).build(), HttpResponse.BodyHandlers.ofString());
        String body = r.body();
        return switch (r.statusCode()) {
            case 200 -> new WitnessAnswer.Cosigned(body);
            case 409 -> new WitnessAnswer.Conflict(size(url, body));
            case 400, 403, 404, 422 -> new WitnessAnswer.Refused(r.statusCode(), body.strip());
            default -> throw new IOException(url + " answered " + r.statusCode() + ": " + abbreviate(body));
        };
    }

    private static long size(URI url, String body) throws IOException {
        if (!body.matches("(0|[1-9][0-9]{0,18})\n")) throw new IOException(url + " answered 409 without a tree size: " + abbreviate(body));
        return Long.parseLong(body.strip());
    }

    private static String abbreviate(String s) {
        return s.length() <= 200 ? s.strip() : s.substring(0, 200) + "…";
    }
}
