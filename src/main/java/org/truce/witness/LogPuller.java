package org.truce.witness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.truce.ledger.Checkpoint;

/**
 * A witness that does not wait to be asked: every interval it fetches a Truce log's latest signed head
 * ({@code GET <log>/api/v1/ledger/head?format=note}) and a consistency proof from the checkpoint it
 * last cosigned ({@code GET <log>/api/v1/ledger/consistency}), and applies the add-checkpoint rules of
 * {@link Witness} to them, so it notices a rollback or a fork even if the log never calls it. One
 * thread; start once, close once.
 */
public final class LogPuller implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LogPuller.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final Witness witness;
    private final URI log;
    private final String origin;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "witness-pull");
        t.setDaemon(true);
        return t;
    });

    /** @param log the log's base URL (as {@code http://host:8080}); @param origin its origin, the name of its key */
    public LogPuller(Witness witness, URI log, String origin) {
        this.witness = witness;
        this.log = URI.create(log.toString().replaceAll("/+$", "") + "/");
        this.origin = origin;
    }

    public void start(Duration every) {
        timer.scheduleWithFixedDelay(() -> {
            try {
                pull();
            } catch (IOException | RuntimeException e) {
                LOG.warn("could not pull the head of {} from {}: {}", origin, log, e.toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, 0, every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Fetches the log's head and offers it; empty when it is the checkpoint already cosigned. */
    public Optional<WitnessAnswer> pull() throws IOException, InterruptedException {
        SignedNote head = SignedNote.parse(get("api/v1/ledger/head?format=note"));
        Checkpoint next = head.checkpoint();
        Optional<Checkpoint> kept = witness.latest(origin);
        if (kept.isPresent() && kept.get().equals(next)) return Optional.empty();
        long old = kept.map(Checkpoint::size).orElse(0L);
        List<byte[]> proof = old == 0 || old >= next.size() ? List.of() : proof(old, next.size());
        WitnessAnswer answer = witness.add(new AddCheckpoint(old, proof, head).text());
        if (answer instanceof WitnessAnswer.Refused refused) {
            LOG.warn("the head of size {} that {} serves was refused: {}", next.size(), log, refused.reason());
        }
        return Optional.of(answer);
    }

    private List<byte[]> proof(long from, long to) throws IOException, InterruptedException {
        JsonNode answer = JSON.readTree(get("api/v1/ledger/consistency?from=" + from + "&to=" + to));
        List<byte[]> path = new ArrayList<>();
        for (JsonNode h : answer.path("path")) path.add(HexFormat.of().parseHex(h.asText()));
        return path;
    }

    private String get(String path) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(log.resolve(path)).timeout(TIMEOUT).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) throw new IOException("GET " + log.resolve(path) + " answered " + r.statusCode());
        return r.body();
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
