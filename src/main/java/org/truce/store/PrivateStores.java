package org.truce.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.truce.audit.AuditLog;
import org.truce.ledger.StoreFailure;
import org.truce.privacy.DataKeys;

/**
 * Opens the stores that are kept out of the public ledger, each in its own SQLite file in the data
 * directory: the audit trail ({@value #AUDIT_FILE}) and the data keys ({@value #KEYS_FILE}). A file
 * of its own means a ledger copy never carries them, and the key file can be backed up, restricted
 * and shredded on its own.
 */
public final class PrivateStores {

    public static final String AUDIT_FILE = "audit.db";
    public static final String KEYS_FILE = "keys.db";

    private PrivateStores() {}

    /**
     * Opens (creating it if needed) the audit log in {@code dataDir}. Records are stamped by
     * {@code clock}; {@link AuditLog#prune()} deletes those older than {@code retention}.
     *
     * @throws StoreFailure if the directory, the file or a migration cannot be opened or applied
     */
    public static AuditLog openAuditLog(Path dataDir, Clock clock, Duration retention) {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(retention, "retention");
        SideDatabase database = new SideDatabase(createDirectories(dataDir).resolve(AUDIT_FILE), false);
        migrate(database, "classpath:db/audit", "audit log");
        Connection connection = open(database, "audit log");
        try {
            return new SqliteAuditLog(connection, clock, retention);
        } catch (RuntimeException e) {
            closeQuietly(connection, e);
            throw e;
        }
    }

    /**
     * Opens (creating it, readable by its owner only, if needed) the data key store in {@code dataDir};
     * new keys come from {@code random}.
     *
     * @throws StoreFailure if the directory, the file or a migration cannot be opened or applied
     */
    public static DataKeys openDataKeys(Path dataDir, SecureRandom random) {
        Objects.requireNonNull(random, "random");
        Path file = createDirectories(dataDir).resolve(KEYS_FILE);
        createOwnerOnly(file);
        SideDatabase database = new SideDatabase(file, true);
        migrate(database, "classpath:db/keys", "key store");
        return new SqliteDataKeys(open(database, "key store"), random);
    }

    /**
     * SQLite gives the -wal and -shm files the mode of the database file, so creating it rw------- before
     * SQLite opens it keeps all three private. Skipped where POSIX permissions do not exist.
     */
    private static void createOwnerOnly(Path file) {
        if (!file.getFileSystem().supportedFileAttributeViews().contains("posix")) return;
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (FileAlreadyExistsException e) {
            // an existing key file keeps the permissions it has
        } catch (IOException e) {
            throw new StoreFailure("could not create the key file " + file.toAbsolutePath(), new UncheckedIOException(e));
        }
    }

    private static Path createDirectories(Path dataDir) {
        try {
            return Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new StoreFailure("could not create the data directory " + dataDir.toAbsolutePath(),
                    new UncheckedIOException(e));
        }
    }

    private static void migrate(SideDatabase database, String location, String what) {
        try {
            Flyway.configure(PrivateStores.class.getClassLoader())
                    .dataSource(database.source())
                    .locations(location)
                    .failOnMissingLocations(true)
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            throw new StoreFailure("could not migrate the " + what + " schema: " + e.getMessage(), e);
        }
    }

    private static Connection open(SideDatabase database, String what) {
        try {
            return database.open();
        } catch (SQLException e) {
            throw new StoreFailure("could not open the " + what, e);
        }
    }

    private static void closeQuietly(Connection connection, Exception cause) {
        try {
            connection.close();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }
}
