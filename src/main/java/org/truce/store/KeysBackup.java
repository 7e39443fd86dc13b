package org.truce.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.truce.ledger.StoreFailure;

/**
 * Copies the restricted-data key store ({@code keys.db}) out of and into a data directory. The copy
 * is a consistent SQLite database ({@code VACUUM INTO}, safe beside a serving node), created readable
 * and writable by its owner only before a byte is written: whoever holds it can read every sealed
 * personal field. Stateless.
 */
public final class KeysBackup {
    private KeysBackup() {}

    /** Writes a copy of {@code dataDir}'s key store to {@code out}, which must not exist yet. */
    public static void export(Path dataDir, Path out) {
        Path keys = dataDir.resolve(PrivateStores.KEYS_FILE);
        if (!Files.isRegularFile(keys)) throw new IllegalArgumentException("no key store (" + PrivateStores.KEYS_FILE + ") in " + dataDir);
        if (Files.exists(out)) throw new IllegalArgumentException(out + " exists; the keys are written only to a new file");
        StoreFiles.createOwnerOnly(out);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + keys.toAbsolutePath().normalize());
             Statement s = c.createStatement()) {
            s.execute("VACUUM INTO '" + out.toAbsolutePath().normalize().toString().replace("'", "''") + "'");
        } catch (SQLException e) {
            throw new StoreFailure("could not copy the key store to " + out, e);
        }
    }

    /** Puts a copy made by {@link #export} into {@code dataDir}, which must not have a key store yet. */
    public static void restore(Path file, Path dataDir) {
        Path keys = dataDir.resolve(PrivateStores.KEYS_FILE);
        if (Files.exists(keys)) throw new IllegalArgumentException(dataDir + " already has a key store; refusing to replace it");
        StoreFiles.createOwnerOnly(keys);
        try {
            Files.write(keys, Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException("could not restore the key store from " + file, e);
        }
    }
}
