package org.truce.store;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
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
    public static final String FEEDBACK_FILE = "feedback.db";

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
        Path file = StoreFiles.createDirectories(dataDir).resolve(AUDIT_FILE);
        StoreFiles.createOwnerOnly(file); // addresses and usernames are personal data
        SideDatabase database = new SideDatabase(file, true); // pruned records leave no trace in free pages
        StoreFiles.migrate(database.source(), "classpath:db/audit", "audit log");
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
        Path file = StoreFiles.createDirectories(dataDir).resolve(KEYS_FILE);
        StoreFiles.createOwnerOnly(file);
        SideDatabase database = new SideDatabase(file, true);
        StoreFiles.migrate(database.source(), "classpath:db/keys", "key store");
        return new SqliteDataKeys(open(database, "key store"), random);
    }

    /**
     * Opens (creating it, readable by its owner only, if needed) the store of readers' messages.
     *
     * @throws StoreFailure if the directory, the file or a migration cannot be opened or applied
     */
    public static org.truce.feedback.FeedbackStore openFeedback(Path dataDir) {
        Path file = StoreFiles.createDirectories(dataDir).resolve(FEEDBACK_FILE);
        StoreFiles.createOwnerOnly(file); // names and email addresses are personal data
        SideDatabase database = new SideDatabase(file, true);
        StoreFiles.migrate(database.source(), "classpath:db/feedback", "feedback store");
        return new SqliteFeedbackStore(open(database, "feedback store"));
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
