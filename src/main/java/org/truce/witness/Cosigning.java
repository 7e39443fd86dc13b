package org.truce.witness;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.truce.ledger.Checkpoint;
import org.truce.ledger.Ledger;

/**
 * The log's side of witnessing: a background service that asks every configured witness to cosign
 * each new signed head (C2SP tlog-witness, one thread per witness, retries with backoff; the write
 * path never waits for it), keeps each witness's latest cosignature in the node's data directory, and
 * serves checkpoints with the cosignatures they gathered. Several nodes on one PostgreSQL ledger each
 * ask the witnesses and each keep what they were given (docs/operations.md). Start once, close once;
 * reads are thread-safe.
 */
public final class Cosigning implements AutoCloseable {
    /**
     * One witness's cosignature of a checkpoint: its name, the catalog source that runs it (null when
     * the configuration names none) and the time it signed (seconds since the epoch).
     */
    public record Witnessed(String witness, String source, long timestamp) {}

    /** A checkpoint of this ledger, the witnesses that cosigned it, and its note with their cosignature lines. */
    public record Cosigned(Checkpoint checkpoint, List<Witnessed> by, String note) {}

    private final Ledger ledger;
    private final WitnessList witnesses;
    private final List<WitnessTrack> tracks = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private final Object changed = new Object();

    private Cosigning(Ledger ledger, WitnessList witnesses, Path dataDir) {
        this.ledger = ledger;
        this.witnesses = witnesses;
        WitnessClient client = new WitnessClient();
        for (WitnessList.Known w : witnesses.witnesses()) tracks.add(new WitnessTrack(w, ledger, client, dataDir, this::signal));
    }

    /** Starts asking {@code witnesses} (none: an idle service that serves heads with the log's signature alone). */
    public static Cosigning start(Ledger ledger, WitnessList witnesses, Path dataDir) {
        Cosigning c = new Cosigning(ledger, witnesses, dataDir);
        for (WitnessTrack track : c.tracks) {
            Thread t = new Thread(track, "cosigning-" + track.witness().name());
            t.setDaemon(true);
            c.threads.add(t);
            t.start();
        }
        return c;
    }

    public WitnessList witnesses() {
        return witnesses;
    }

    /**
     * The newest checkpoint that at least the quorum of witnesses cosigned, as a C2SP signed note: the
     * log's signature, then each of those witnesses' cosignature lines in the configured order. When
     * none has a quorum yet, the latest signed head with whatever cosignatures it has (maybe none).
     * Only checkpoints of this ledger's own tree count (after a rollback, earlier cosignatures of another
     * history are not served).
     */
    public String cosignedHead() {
        String head = ledger.latestSignedHead();
        Checkpoint latest = SignedNote.parse(head).checkpoint();
        if (witnesses.quorum() == 0) return head;
        return tracks.stream().flatMap(t -> t.recent().stream()).map(c -> c.note().checkpoint()).distinct()
                .filter(cp -> cp.size() <= ledger.size() && cp.equals(ledger.checkpointAt(cp.size())))
                .filter(cp -> lines(cp).count() >= witnesses.quorum())
                .max(Comparator.comparingLong(Checkpoint::size))
                .map(this::note)
                .orElseGet(() -> head + String.join("", lines(latest).toList()));
    }

    /** The witnesses that cosigned exactly {@code checkpoint} (lately), in the configured order. */
    public List<Witnessed> cosignatures(Checkpoint checkpoint) {
        return tracks.stream().flatMap(t -> t.of(checkpoint).stream()
                .map(c -> new Witnessed(t.witness().name(), t.witness().source(), c.timestamp()))).toList();
    }

    /**
     * Waits at most {@code timeout} until the quorum of witnesses has cosigned the log's checkpoint of
     * {@code size}, and answers it as {@link #cosignedHead} would. Only checkpoints the log's head
     * passed through are submitted: a size the head skipped (several batches between two submissions)
     * is never cosigned, so wait for a size the head had, such as the latest.
     */
    public Optional<String> awaitCosigned(long size, Duration timeout) throws InterruptedException {
        return awaitCosigned(size, witnesses.quorum(), timeout);
    }

    /** As {@link #awaitCosigned(long, Duration)}, for {@code count} cosignatures instead of the quorum. */
    public Optional<String> awaitCosigned(long size, int count, Duration timeout) throws InterruptedException {
        Checkpoint wanted = ledger.checkpointAt(size);
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (changed) {
            while (lines(wanted).count() < count) {
                long left = deadline - System.nanoTime();
                if (left <= 0) return Optional.empty();
                changed.wait(Math.max(1, left / 1_000_000));
            }
        }
        return Optional.of(note(wanted));
    }

    /**
     * For a publication at {@code atLeast}: waits at most {@code timeout} until the quorum has cosigned a
     * checkpoint of this ledger of that size or more (witnesses cosign the heads the ledger passes
     * through, so a larger one is what usually comes), and answers the newest such. At the deadline it
     * answers what there is: the one of that size or more with the most cosignatures, or empty when
     * none has any.
     */
    public Optional<Cosigned> awaitQuorum(long atLeast, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (changed) {
            while (best(atLeast).filter(cp -> lines(cp).count() >= Math.max(1, witnesses.quorum())).isEmpty()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) break;
                changed.wait(Math.max(1, left / 1_000_000));
            }
        }
        return best(atLeast).map(cp -> new Cosigned(cp, cosignatures(cp), note(cp)));
    }

    /** Of the checkpoints of this ledger of {@code atLeast} or more that have cosignatures: the newest with the quorum, else the most cosigned. */
    private Optional<Checkpoint> best(long atLeast) {
        List<Checkpoint> ours = tracks.stream().flatMap(t -> t.recent().stream()).map(c -> c.note().checkpoint()).distinct()
                .filter(cp -> cp.size() >= atLeast && cp.size() <= ledger.size() && cp.equals(ledger.checkpointAt(cp.size())))
                .toList();
        Comparator<Checkpoint> newest = Comparator.comparingLong(Checkpoint::size);
        Optional<Checkpoint> quorate = ours.stream().filter(cp -> lines(cp).count() >= witnesses.quorum()).max(newest);
        return quorate.isPresent() ? quorate
                : ours.stream().max(Comparator.<Checkpoint>comparingLong(cp -> lines(cp).count()).thenComparing(newest));
    }

    private java.util.stream.Stream<String> lines(Checkpoint checkpoint) {
        return tracks.stream().flatMap(t -> t.of(checkpoint).stream()).map(WitnessTrack.Cosignature::lines);
    }

    private String note(Checkpoint checkpoint) {
        String logNote = tracks.stream().flatMap(t -> t.of(checkpoint).stream()).findFirst()
                .map(c -> c.note().text()).orElseGet(() -> ledger.signedHeadAt(checkpoint.size()));
        return logNote + String.join("", lines(checkpoint).toList());
    }

    private void signal() {
        synchronized (changed) {
            changed.notifyAll();
        }
    }

    @Override
    public void close() {
        tracks.forEach(WitnessTrack::close);
        threads.forEach(Thread::interrupt);
        for (Thread t : threads) {
            try {
                t.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
