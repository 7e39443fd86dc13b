package org.truce.support;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A small tmpfs the test mounts itself, so that a disk really fills up ({@code ENOSPC}) while the rest
 * of the machine does not notice. Needs root (CI runs as root). Where {@code mount} is refused the test
 * is skipped with the reason, unless {@code TRUCE_REQUIRE_TMPFS=1}, which makes it fail instead, so CI
 * never passes without running it. Close it to unmount.
 */
public final class Tmpfs implements AutoCloseable {
    private final Path dir;

    private Tmpfs(Path dir) {
        this.dir = dir;
    }

    /** Mounts a tmpfs of {@code bytes} (rounded up to pages) on the empty directory {@code dir}, created if needed. */
    public static Tmpfs mount(Path dir, long bytes) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        String failure = run("mount", "-t", "tmpfs", "-o", "size=" + bytes, "tmpfs", dir.toString());
        if (failure != null) {
            String why = "cannot mount a tmpfs on " + dir + " (the disk-full tests need root): " + failure;
            if ("1".equals(System.getenv("TRUCE_REQUIRE_TMPFS"))) fail(why + "; TRUCE_REQUIRE_TMPFS=1 requires it");
            assumeTrue(false, why);
        }
        return new Tmpfs(dir);
    }

    public Path dir() {
        return dir;
    }

    /** Bytes this process may still write there. */
    public long free() throws IOException {
        return Files.getFileStore(dir).getUsableSpace();
    }

    /** Bytes in use there. */
    public long used() throws IOException {
        var store = Files.getFileStore(dir);
        return store.getTotalSpace() - store.getUnallocatedSpace();
    }

    /** Grows or shrinks the file system to {@code bytes} without unmounting it (not below what is in use). */
    public void resize(long bytes) throws IOException, InterruptedException {
        String failure = run("mount", "-o", "remount,size=" + bytes, dir.toString());
        if (failure != null) throw new IOException("cannot resize the tmpfs on " + dir + ": " + failure);
    }

    @Override
    public void close() throws IOException, InterruptedException {
        String failure = run("umount", "-l", dir.toString());
        if (failure != null) throw new IOException("cannot unmount the tmpfs on " + dir + ": " + failure);
    }

    /** Runs a command; null when it exits 0, else what it printed and its exit code. */
    private static String run(String... command) throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
        } catch (IOException e) {
            return e.getMessage();
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return String.join(" ", command) + " did not finish";
        }
        return p.exitValue() == 0 ? null : out + " (exit " + p.exitValue() + ")";
    }
}
