package org.truce.ledger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * The highest signed head a node has kept, remembered in a file beside its key ({@value #FILE}, the
 * C2SP signed note), outside the database it protects: a store that later holds fewer entries than
 * that head, or other entries below it, was rolled back or replaced behind the node's back, and the
 * node refuses to serve it (see {@link Ledger#open}). The file is replaced atomically (a temporary
 * file written and fsynced, renamed over it, the directory fsynced), so a crash leaves the old head or
 * the new one, never a torn file.
 *
 * <p>The writer {@linkplain #offer offers} each head it commits, which costs nothing; the applier
 * {@linkplain #keep keeps} one before acknowledging the batch, writing the newest head offered by then,
 * so that under load one write covers several batches. Thread-safe.
 */
public final class HighestHead {
    /** The file in the data directory, beside {@code node-key.pub}. */
    public static final String FILE = "highest-head.note";

    /** Remembers nothing: for ledgers opened by tests and tools without a data directory of their own. */
    public static final HighestHead NONE = new HighestHead(null);

    private record Offered(long size, String note) {}

    private final Path file;
    private volatile Offered offered;
    /** The size of the head in the file; -1 before the first keep. Guarded by this. */
    private long kept = -1;

    private HighestHead(Path file) {
        this.file = file;
    }

    /** The head kept in {@code dataDir}'s {@value #FILE}. */
    public static HighestHead in(Path dataDir) {
        return new HighestHead(dataDir.resolve(FILE));
    }

    /** The kept signed note, if any; the caller verifies it. */
    public Optional<String> read() {
        if (file == null) return Optional.empty();
        try {
            return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Where the head is kept, for messages; null for {@link #NONE}. */
    public Path file() {
        return file;
    }

    /** Notes the newest committed head, without writing it (writer thread). */
    void offer(long size, String note) {
        Offered last = offered;
        if (last == null || size >= last.size()) offered = new Offered(size, note);
    }

    /** Records that the file already holds {@code note}, the head of {@code size} entries (read at open). */
    synchronized void alreadyKept(long size, String note) {
        offer(size, note);
        kept = Math.max(kept, size);
    }

    /**
     * Makes sure the file holds a head of at least {@code size} entries, writing the newest head offered
     * if it does not yet.
     *
     * @throws IllegalStateException if no head of that size was offered
     * @throws UncheckedIOException if the file cannot be written
     */
    synchronized void keep(long size) {
        if (file == null || kept >= size) return;
        Offered newest = offered;
        if (newest == null || newest.size() < size) {
            throw new IllegalStateException("no head of size " + size + " was offered to keep");
        }
        write(newest.note());
        kept = newest.size();
    }

    private void write(String note) {
        Path tmp = file.resolveSibling(FILE + ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buffer = ByteBuffer.wrap(note.getBytes(StandardCharsets.UTF_8));
                while (buffer.hasRemaining()) channel.write(buffer);
                channel.force(true);
            }
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            // the rename is durable only once the directory is
            try (FileChannel dir = FileChannel.open(file.getParent(), StandardOpenOption.READ)) {
                dir.force(true);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
