package org.truce.store;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Child-process main for {@link DataDirLockTest}: {@code LockProbe <dir> try} takes the lock, prints
 * {@code acquired} and exits 0, or prints the refusal and exits 3. {@code LockProbe <dir> hold} takes
 * the lock, prints {@code acquired} and holds it until killed or until stdin closes.
 */
public final class LockProbe {

    static final int REFUSED = 3;

    private LockProbe() {}

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        boolean hold = args.length > 1 && args[1].equals("hold");
        try (DataDirLock lock = DataDirLock.acquire(dir)) {
            System.out.println("acquired " + lock.directory());
            System.out.flush();
            if (hold) {
                while (System.in.read() >= 0) {
                    // hold the lock until the parent closes our stdin or kills us
                }
            }
        } catch (IllegalStateException refused) {
            System.out.println(refused.getMessage());
            System.out.flush();
            System.exit(REFUSED);
        }
    }
}
