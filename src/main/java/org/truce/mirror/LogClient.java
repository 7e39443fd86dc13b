package org.truce.mirror;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.truce.ledger.StoredEntry;

/**
 * The public read API of a Truce node, as a mirror reads it: the signed checkpoint, entries with their
 * exact bytes, consistency proofs, the list of publications and the bulletins as served. One client,
 * shared; thread-safe. A node that cannot be reached, or answers other than the contract says, is an
 * {@link UncheckedIOException} naming the address.
 */
public final class LogClient {
    /** The most entries the API gives in one page. */
    public static final int PAGE = 1000;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HexFormat HEX = HexFormat.of();

    private final String base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /** @param base the node's address, {@code http://host:port} (a trailing slash is dropped) */
    public LogClient(String base) {
        this.base = base.replaceAll("/+$", "");
        URI.create(this.base);
    }

    public String base() {
        return base;
    }

    /** An answer: its status and bytes. */
    public record Answer(int status, byte[] body) {}

    /**
     * The latest signed checkpoint, as a signed note with whatever cosignature lines it carries: the
     * witnessed checkpoint ({@code GET /api/v1/ledger/checkpoint}) of a node that has witnesses, else
     * its head ({@code GET /api/v1/ledger/head?format=note}, on a node without that route).
     */
    public String checkpoint() {
        Answer a = get("/api/v1/ledger/checkpoint");
        String path = "/api/v1/ledger/checkpoint";
        if (a.status() == 404) {
            path = "/api/v1/ledger/head?format=note";
            a = get(path);
        }
        require(a, path);
        return new String(a.body(), StandardCharsets.UTF_8);
    }

    /** A page of entries from {@code from} on, as stored (the exact Merkle leaves); fewer than asked at the end. */
    public List<StoredEntry> entries(long from, int limit) {
        String path = "/api/v1/ledger/entries?from=" + from + "&limit=" + limit;
        JsonNode body = json(path);
        List<StoredEntry> out = new ArrayList<>();
        for (JsonNode e : body.path("entries")) {
            byte[] bytes = Base64.getDecoder().decode(e.path("bytes").asText());
            out.add(new StoredEntry(e.path("seq").asLong(-1), e.path("entry").path("clientId").asText(""), bytes));
        }
        return out;
    }

    /** The log's RFC 9162 consistency proof from tree size {@code from} to {@code to}. */
    public List<byte[]> consistency(long from, long to) {
        JsonNode body = json("/api/v1/ledger/consistency?from=" + from + "&to=" + to);
        List<byte[]> path = new ArrayList<>();
        body.path("path").forEach(h -> path.add(HEX.parseHex(h.asText())));
        return path;
    }

    /** A publication as the log lists it. */
    public record Listed(LocalDate date, long size, long seq, String root) {}

    /** Every publication the log lists, all pages. */
    public List<Listed> publications() {
        List<Listed> all = new ArrayList<>();
        long offset = 0;
        while (true) {
            JsonNode body = json("/api/v1/publications?limit=1000&offset=" + offset);
            for (JsonNode p : body.path("items")) {
                all.add(new Listed(LocalDate.parse(p.path("date").asText()), p.path("size").asLong(), p.path("seq").asLong(),
                        p.path("root").asText()));
            }
            if (body.path("next").isNull() || body.path("next").isMissingNode()) return all;
            offset = body.path("next").asLong();
        }
    }

    /** The address of a bulletin at a size, language and format, relative to a node. */
    public static String bulletinPath(LocalDate date, long size, String lang, String format) {
        return "/api/v1/bulletins/" + date + "?size=" + size + "&lang=" + URLEncoder.encode(lang, StandardCharsets.UTF_8)
                + "&format=" + format;
    }

    /** GET {@code path}, any status. */
    public Answer get(String path) {
        URI uri = URI.create(base + path);
        try {
            HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(2)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            return new Answer(r.statusCode(), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reach " + uri + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException("interrupted while reading " + uri, new IOException(e));
        }
    }

    private JsonNode json(String path) {
        Answer a = get(path);
        require(a, path);
        try {
            return JSON.readTree(a.body());
        } catch (IOException e) {
            throw new UncheckedIOException(base + path + " answered something that is not JSON", e);
        }
    }

    private void require(Answer a, String path) {
        if (a.status() != 200) {
            throw new UncheckedIOException(new IOException(base + path + " answered " + a.status() + ": "
                    + new String(a.body(), 0, Math.min(a.body().length, 300), StandardCharsets.UTF_8)));
        }
    }
}
