package org.truce.witness;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.truce.ledger.Checkpoint;
import org.truce.ledger.Hashes;
import org.truce.ledger.Ledger;
import org.truce.ledger.DurableFile;

/**
 * One witness as the log follows it: a thread that submits the log's latest signed head whenever it
 * changes (old size = what the witness last cosigned; on 409 the witness's size and a proof from
 * there), with backoff after failures; the witness's latest cosignature, kept durably in
 * {@code <data>/witnessed/<key hash>.note} (the log's note and the witness's line), and the last
 * {@value #RECENT} it made in memory. Reads are thread-safe; {@link #run} is the one writer.
 */
final class WitnessTrack implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(WitnessTrack.class);
    static final int RECENT = 64;
    private static final long POLL_MILLIS = 250;
    private static final long MAX_BACKOFF_MILLIS = 60_000;

    /** A checkpoint (the log's note, with its signature only) and this witness's cosignature line(s) of it. */
    record Cosignature(SignedNote note, String lines, long timestamp) {}

    private final WitnessList.Known witness;
    private final Ledger ledger;
    private final WitnessClient client;
    private final Path file;
    private final Runnable changed;
    private final Map<Long, Cosignature> recent = new LinkedHashMap<>();
    private volatile boolean closed;
    /** The witness's size as it last told us (a 409), or -1 when only our record says. Worker thread. */
    private long witnessSize = -1;
    private long backoff;
    private String lastWarning;

    WitnessTrack(WitnessList.Known witness, Ledger ledger, WitnessClient client, Path dataDir, Runnable changed) {
        this.witness = witness;
        this.ledger = ledger;
        this.client = client;
        this.changed = changed;
        String id = HexFormat.of().formatHex(Hashes.sha256(witness.cosigner().verifierKey().getBytes(StandardCharsets.UTF_8)));
        this.file = dataDir.resolve("witnessed").resolve(id.substring(0, 32) + ".note");
        DurableFile.read(file).flatMap(this::kept).ifPresent(this::remember);
    }

    WitnessList.Known witness() {
        return witness;
    }

    /** This witness's cosignature of exactly {@code checkpoint}, if it made one lately. */
    synchronized Optional<Cosignature> of(Checkpoint checkpoint) {
        Cosignature c = recent.get(checkpoint.size());
        return c != null && c.note().checkpoint().equals(checkpoint) ? Optional.of(c) : Optional.empty();
    }

    /** Every checkpoint it cosigned lately. */
    synchronized List<Cosignature> recent() {
        return List.copyOf(recent.values());
    }

    private synchronized Optional<Cosignature> latest() {
        return recent.values().stream().reduce((a, b) -> b);
    }

    private synchronized void remember(Cosignature c) {
        recent.remove(c.note().checkpoint().size());
        recent.put(c.note().checkpoint().size(), c);
        if (recent.size() > RECENT) recent.remove(recent.keySet().iterator().next());
    }

    /** A kept file, if its cosignature still verifies with the configured key (a changed key makes it stale). */
    private Optional<Cosignature> kept(String text) {
        try {
            SignedNote both = SignedNote.parse(text);
            String ours = ownLines(both.checkpoint(), both.signatures());
            OptionalLong t = witness.cosigner().verify(both.checkpoint(), ours);
            String logLines = both.signatures().replace(ours, "");
            return t.isEmpty() ? Optional.empty()
                    : Optional.of(new Cosignature(SignedNote.of(both.checkpoint(), logLines), ours, t.getAsLong()));
        } catch (IllegalArgumentException e) {
            LOG.warn("ignoring {}: {}", file, e.getMessage());
            return Optional.empty();
        }
    }

    /** The lines among {@code lines} that are this witness's valid cosignatures of {@code checkpoint}. */
    private String ownLines(Checkpoint checkpoint, String lines) {
        StringBuilder ours = new StringBuilder();
        for (String line : lines.split("\n")) {
            if (!line.isEmpty() && witness.cosigner().verify(checkpoint, line).isPresent()) ours.append(line).append('\n');
        }
        return ours.toString();
    }

    void close() {
        closed = true;
    }

    @Override
    public void run() {
        while (!closed) {
            try {
                long wait = step(SignedNote.parse(ledger.latestSignedHead())) ? 0 : POLL_MILLIS;
                Thread.sleep(wait + backoff);
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.error("cosigning with {} failed", witness.name(), e);
                failed("cosigning failed: " + e);
            }
        }
    }

    /** One submission of {@code head} if it needs one; true when another should follow at once. */
    private boolean step(SignedNote head) throws InterruptedException {
        Checkpoint next = head.checkpoint();
        Optional<Cosignature> latest = latest();
        if (latest.isPresent() && latest.get().note().checkpoint().equals(next)) return false;
        long old = witnessSize >= 0 ? witnessSize : latest.map(c -> c.note().checkpoint().size()).orElse(0L);
        if (old > next.size()) {
            failed("the witness has cosigned a tree of size " + old + ", larger than this log's " + next.size()
                    + ": the store was rolled back, or another node is ahead");
            witnessSize = -1; // ask again later: another node's head may have moved it
            return false;
        }
        List<byte[]> proof = old == 0 || old == next.size() ? List.of() : ledger.consistencyProof(old, next.size());
        WitnessAnswer answer;
        try {
            answer = client.submit(witness.url(), new AddCheckpoint(old, proof, head));
        } catch (IOException e) {
            failed("unreachable or out of protocol: " + e.getMessage());
            return false;
        }
        if (answer instanceof WitnessAnswer.Conflict c) {
            boolean again = c.size() != witnessSize;
            witnessSize = c.size();
            if (!again) failed("answered 409 twice with size " + c.size());
            return again;
        }
        if (answer instanceof WitnessAnswer.Refused r) {
            failed("refused the checkpoint of size " + next.size() + " (" + r.status() + "): " + r.reason());
            witnessSize = -1;
            return false;
        }
        accepted(head, ((WitnessAnswer.Cosigned) answer).lines());
        return false;
    }

    private void accepted(SignedNote head, String answer) {
        String ours = ownLines(head.checkpoint(), answer);
        OptionalLong t = witness.cosigner().verify(head.checkpoint(), ours);
        if (t.isEmpty()) {
            failed("answered 200 without a valid cosignature of its key");
            return;
        }
        Cosignature c = new Cosignature(head, ours, t.getAsLong());
        DurableFile.write(file, head.text() + ours);
        remember(c);
        witnessSize = head.checkpoint().size();
        backoff = 0;
        lastWarning = null;
        changed.run();
    }

    private void failed(String why) {
        backoff = Math.min(MAX_BACKOFF_MILLIS, Math.max(1_000, backoff * 2));
        if (!why.equals(lastWarning)) LOG.warn("witness {} at {}: {}", witness.name(), witness.url(), why);
        lastWarning = why;
    }
}
