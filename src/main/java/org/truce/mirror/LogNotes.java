package org.truce.mirror;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.truce.ledger.Checkpoint;
import org.truce.ledger.DurableFile;
import org.truce.ledger.HeadSigner;
import org.truce.ledger.Hashes;
import org.truce.ledger.NoteVerifier;

/**
 * The log's own signed notes that a mirror holds, as the {@link HeadSigner} of its copy: the copy's
 * ledger and bulletins then carry the log's signatures, byte for byte what the log serves, and a reader
 * of the mirror verifies them with the log's key. A note is taken only once the log's key verifies it;
 * a checkpoint the mirror holds no note of is refused ({@link HeadSigner.Unsigned}), never signed with
 * another key. Kept one file a note in {@code dir}, so a restarted mirror serves what it held.
 * Thread-safe.
 */
public final class LogNotes implements HeadSigner {
    private final NoteVerifier log;
    private final Path dir;
    private final Map<Checkpoint, String> notes = new ConcurrentHashMap<>();

    public LogNotes(NoteVerifier log, Path dir) {
        this.log = log;
        this.dir = dir;
        if (Files.isDirectory(dir)) {
            try (Stream<Path> files = Files.list(dir)) {
                files.filter(f -> f.getFileName().toString().endsWith(".note")).forEach(f -> add(DurableFile.read(f).orElseThrow()));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + dir, e);
            }
        }
    }

    /**
     * Keeps a note of the log (its own signature line only).
     *
     * @return its checkpoint
     * @throws IllegalArgumentException if the log's key does not verify it
     */
    public Checkpoint add(String note) {
        Checkpoint cp = log.verify(note);
        if (notes.putIfAbsent(cp, note) == null) {
            DurableFile.write(dir.resolve(cp.size() + "-" + Hashes.hex(cp.rootHash()).substring(0, 16) + ".note"), note);
        }
        return cp;
    }

    @Override
    public String sign(Checkpoint checkpoint) {
        String note = notes.get(checkpoint);
        if (note == null) {
            throw new Unsigned("this mirror holds no checkpoint of the log signed at size " + checkpoint.size()
                    + "; it serves only what the log signed: ask the log");
        }
        return note;
    }

    @Override
    public String verifierKey() {
        return log.verifierKey();
    }
}
