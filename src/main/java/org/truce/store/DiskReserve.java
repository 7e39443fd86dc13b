package org.truce.store;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;
import org.truce.ledger.LedgerStore.DiskSpace;
import org.truce.ledger.StoreFailure;

/**
 * The free space an embedded store keeps on the disk of its data directory: below
 * {@code reserveBytes}, appends are refused before SQLite is asked, so the node stops taking writes
 * while the disk still has room for everything else that writes there (the WAL's checkpoint, the
 * private stores, the log) and the operator has time to act. Thread-safe; asks the file system on
 * every call (one {@code statvfs}), so space freed is seen at once.
 */
final class DiskReserve {
    /** The environment variable that sets the reserve, in bytes; 0 turns it off. */
    static final String ENV = org.truce.settings.Setting.MIN_FREE_BYTES.variable;
    /**
     * 64 MiB: room for a large batch twice over (once in the WAL, once when the checkpoint copies it into
     * the database file) and for the WAL the checkpoint has not copied yet (up to about 4 MB at SQLite's
     * default of 1000 pages), with room left for the private stores beside it.
     */
    static final long DEFAULT_BYTES = Long.parseLong(org.truce.settings.Setting.MIN_FREE_BYTES.defaultValue);

    private final FileStore disk;
    private final long reserveBytes;

    private DiskReserve(FileStore disk, long reserveBytes) {
        this.disk = disk;
        this.reserveBytes = reserveBytes;
    }

    /** The reserve of {@code reserveBytes} on the disk that holds {@code dataDir}. */
    static DiskReserve on(Path dataDir, long reserveBytes) {
        if (reserveBytes < 0) throw new IllegalArgumentException(ENV + " must not be negative");
        try {
            return new DiskReserve(Files.getFileStore(dataDir), reserveBytes);
        } catch (IOException e) {
            throw new StoreFailure("could not find the disk of " + dataDir.toAbsolutePath() + ": " + e.getMessage(), e);
        }
    }

    /** {@code TRUCE_MIN_FREE_BYTES} from {@code environment}, else {@link #DEFAULT_BYTES}. */
    static long bytesFrom(Function<String, String> environment) {
        String v = environment.apply(ENV);
        if (v == null || v.isBlank()) return DEFAULT_BYTES;
        long bytes;
        try {
            bytes = Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(ENV + " must be a whole number of bytes, not " + v);
        }
        if (bytes < 0) throw new IllegalArgumentException(ENV + " must not be negative, not " + v);
        return bytes;
    }

    /** What is free now and the reserve; empty when the file system cannot say. */
    Optional<DiskSpace> space() {
        try {
            return Optional.of(new DiskSpace(disk.getUsableSpace(), reserveBytes));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** @throws StoreFailure when the disk has less free than the reserve: nothing may be written */
    void requireRoom() {
        if (reserveBytes == 0) return;
        Optional<DiskSpace> space = space();
        if (space.isPresent() && space.get().belowReserve()) {
            throw new StoreFailure(space.get().refusal());
        }
    }
}
