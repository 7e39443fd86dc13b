package org.truce.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Exclusive use of a data directory by one Truce process: an OS lock on {@code truce.lock} inside it,
 * which also holds the holder's PID for the refusal message. The OS drops the lock when the process
 * dies, so a crash never leaves the directory locked; the file itself is left in place.
 *
 * <p>Thread-safe; {@link #close} releases the lock and is idempotent.
 */
public final class DataDirLock implements AutoCloseable {

    /** The lock file inside a data directory. */
    public static final String LOCK_FILE = "truce.lock";

    // POSIX record locks belong to the process, and closing any channel on the file drops them all.
    // So a directory this JVM already holds is refused here, before a second channel is ever opened.
    private static final Set<Path> HELD_BY_THIS_JVM = ConcurrentHashMap.newKeySet();

    private final Path directory;
    private final FileChannel channel;
    private final FileLock lock;
    private boolean released;

    private DataDirLock(Path directory, FileChannel channel, FileLock lock) {
        this.directory = directory;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock on {@code dataDir}, creating the directory if needed.
     *
     * @throws IllegalStateException if another process (or this one) already holds it
     * @throws UncheckedIOException if the directory or the lock file cannot be created
     */
    public static DataDirLock acquire(Path dataDir) {
        Path directory = createDirectory(dataDir);
        Path lockFile = directory.resolve(LOCK_FILE);
        if (!HELD_BY_THIS_JVM.add(directory)) {
            throw alreadyInUse(directory, lockFile, OptionalLong.of(ProcessHandle.current().pid()));
        }
        try {
            return lock(directory, lockFile);
        } catch (RuntimeException e) {
            HELD_BY_THIS_JVM.remove(directory);
            throw e;
        }
    }

    private static DataDirLock lock(Path directory, Path lockFile) {
        try {
            FileChannel channel = FileChannel.open(lockFile,
                    StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock = tryLock(channel);
            if (lock == null) {
                OptionalLong holder = readPid(channel);
                channel.close();
                throw alreadyInUse(directory, lockFile, holder);
            }
            writePid(channel);
            return new DataDirLock(directory, channel, lock);
        } catch (IOException e) {
            throw new UncheckedIOException("could not lock " + lockFile, e);
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null; // held through another channel of this JVM: the same answer as another process
        }
    }

    /** The directory this lock holds (absolute, symlinks resolved). */
    public Path directory() {
        return directory;
    }

    @Override
    public synchronized void close() {
        if (released) return;
        released = true;
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("could not release " + directory.resolve(LOCK_FILE), e);
        } finally {
            HELD_BY_THIS_JVM.remove(directory);
        }
    }

    private static Path createDirectory(Path dataDir) {
        try {
            return Files.createDirectories(dataDir).toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException("could not create the data directory " + dataDir.toAbsolutePath(), e);
        }
    }

    private static void writePid(FileChannel channel) throws IOException {
        byte[] pid = (ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII);
        channel.truncate(0);
        channel.write(ByteBuffer.wrap(pid), 0);
    }

    /** The PID the holder wrote, if it has written one yet. */
    private static OptionalLong readPid(FileChannel channel) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(32);
        channel.read(buffer, 0);
        String text = new String(buffer.array(), 0, buffer.position(), StandardCharsets.US_ASCII).trim();
        return text.matches("\\d{1,19}") ? OptionalLong.of(Long.parseLong(text)) : OptionalLong.empty();
    }

    private static IllegalStateException alreadyInUse(Path directory, Path lockFile, OptionalLong holder) {
        String heldBy = holder.isPresent() ? " held by PID " + holder.getAsLong() : " held";
        return new IllegalStateException("Another Truce process is already using the data directory " + directory
                + " (lock file " + lockFile + heldBy + "). Stop it first, or pass a different --data directory.");
    }
}
