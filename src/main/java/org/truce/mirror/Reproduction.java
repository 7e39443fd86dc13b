package org.truce.mirror;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import org.truce.ledger.Checkpoint;
import org.truce.ledger.Hashes;
import org.truce.ledger.MerkleTree;
import org.truce.ledger.NoteVerifier;

/**
 * Recomputes the log's publications from the copy and compares them byte for byte: for each
 * publication the copy holds, in ledger order, in each language and format, the log's bytes against
 * the copy's, as the node's own read API renders them on the copy. The JSON comes first: it names the
 * publication's checkpoint with the log's signature, which is kept ({@link LogNotes}) once the log's key
 * verifies it and it has the copy's own root, so that the copy's renderings repeat it. A publication
 * whose every output matched is not compared again. Used by one thread (the mirror's rounds); the
 * counters may be read from any.
 */
final class Reproduction {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final LogClient log;
    private final NoteVerifier logKey;
    private final LogNotes notes;
    private final MerkleTree copy;
    private final List<String> languages;
    private final List<String> formats;
    private final BiConsumer<Alarm, String> alarms;
    private final Set<Long> verified = new HashSet<>();
    private final AtomicLong outputsCompared = new AtomicLong();

    /** @param alarms told each alarm, with the signed note involved (evidence) or null */
    Reproduction(LogClient log, NoteVerifier logKey, LogNotes notes, MerkleTree copy, List<String> languages, List<String> formats,
                 BiConsumer<Alarm, String> alarms) {
        this.log = log;
        this.logKey = logKey;
        this.notes = notes;
        this.copy = copy;
        this.languages = List.copyOf(languages);
        this.formats = List.copyOf(formats);
        this.alarms = alarms;
    }

    long outputsCompared() {
        return outputsCompared.get();
    }

    int publicationsVerified() {
        return verified.size();
    }

    /** Compares every publication in the copy not yet verified; {@code replica} is the copy's read API. */
    void run(URI replica) {
        LogClient own = new LogClient(replica.toString());
        // in ledger order: a republication lists the changes since the earlier one, whose signed note it needs
        List<LogClient.Listed> all = new ArrayList<>(log.publications());
        all.sort(Comparator.comparingLong(LogClient.Listed::seq));
        for (LogClient.Listed p : all) {
            if (p.seq() >= copy.size() || verified.contains(p.seq())) continue;
            boolean same = true;
            for (String lang : languages) {
                for (String format : formats) {
                    same &= compare(own, p, lang, format);
                }
            }
            if (same) verified.add(p.seq());
        }
    }

    private boolean compare(LogClient own, LogClient.Listed p, String lang, String format) {
        String path = LogClient.bulletinPath(p.date(), p.size(), lang, format);
        LogClient.Answer theirs = log.get(path);
        if (theirs.status() != 200) {
            alarms.accept(new Alarm(Alarm.Kind.BULLETIN_MISSING, path, "the log lists the publication at seq " + p.seq()
                    + " but answers " + theirs.status()), null);
            return false;
        }
        if (format.equals("json") && !takeNote(theirs.body(), p, path)) return false;
        LogClient.Answer ours = own.get(path);
        outputsCompared.incrementAndGet();
        if (ours.status() != 200) {
            alarms.accept(new Alarm(Alarm.Kind.BULLETIN_DIFFERS, path, "the copy cannot render it (" + ours.status() + ": "
                    + new String(ours.body(), 0, Math.min(200, ours.body().length), StandardCharsets.UTF_8) + ")"), null);
            return false;
        }
        Optional<String> difference = Comparison.difference(theirs.body(), ours.body());
        difference.ifPresent(d -> alarms.accept(new Alarm(Alarm.Kind.BULLETIN_DIFFERS, path, d), null));
        return difference.isEmpty();
    }

    /** Keeps the log's note of the publication's checkpoint once the log's key verifies it and it has the copy's root. */
    private boolean takeNote(byte[] json, LogClient.Listed p, String path) {
        String note;
        try {
            note = JSON.readTree(json).path("checkpoint").path("signedNote").asText("");
        } catch (IOException e) {
            alarms.accept(new Alarm(Alarm.Kind.BULLETIN_DIFFERS, path, "the log's JSON does not parse: " + e.getMessage()), null);
            return false;
        }
        Checkpoint cp;
        try {
            cp = logKey.verify(note);
        } catch (IllegalArgumentException e) {
            alarms.accept(new Alarm(Alarm.Kind.BAD_SIGNATURE, path, "the checkpoint the bulletin names: " + e.getMessage()), note);
            return false;
        }
        if (cp.size() != p.size() || cp.size() > copy.size() || !Arrays.equals(cp.rootHash(), copy.root(cp.size()))) {
            alarms.accept(new Alarm(Alarm.Kind.FORK, path, "the bulletin names a checkpoint of size " + cp.size() + " with root "
                    + Hashes.hex(cp.rootHash()) + ", signed by the log, for a publication at size " + p.size()
                    + "; the copy's root at that size is " + Hashes.hex(copy.root(Math.min(p.size(), copy.size())))), note);
            return false;
        }
        notes.add(note);
        return true;
    }
}
