package org.truce.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.SQLException;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.truce.accounts.AccountStore;
import org.truce.ledger.StoreFailure;

/**
 * Opens the accounts store of a data directory. It takes no {@link DataDirLock}: the CLI manages
 * accounts while a server holds the ledger, and the two share {@code accounts.db} through SQLite's own
 * locking.
 */
public final class AccountStores {

    /** The SQLite file of accounts inside a data directory. */
    public static final String FILE = "accounts.db";

    private static final String MIGRATIONS = "classpath:db/accounts";

    private AccountStores() {}

    /**
     * Opens (creating it, owner read/write only, if needed) {@code accounts.db} in {@code dataDir},
     * brought up to the latest schema. The caller closes the store.
     *
     * @throws StoreFailure if the directory, the file or a migration cannot be opened or applied
     */
    public static AccountStore open(Path dataDir) {
        Path file = dataDir.resolve(FILE);
        createOwnerOnly(dataDir, file);
        SqliteDatabase database = new SqliteDatabase(file);
        try {
            Flyway.configure(AccountStores.class.getClassLoader())
                    .dataSource(database.migrationSource())
                    .locations(MIGRATIONS)
                    .failOnMissingLocations(true)
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            throw new StoreFailure("could not migrate the accounts schema: " + e.getMessage(), e);
        }
        try {
            return SqliteAccountStore.open(database);
        } catch (SQLException e) {
            throw new StoreFailure("could not open " + file.toAbsolutePath(), e);
        }
    }

    /**
     * Creates the empty file rw------- before SQLite opens it (SQLite accepts an empty file as a new
     * database), since it holds password hashes; SQLite gives the -wal and -shm files the same mode.
     */
    private static void createOwnerOnly(Path dataDir, Path file) {
        try {
            Files.createDirectories(dataDir);
            if (Files.exists(file)) return;
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException e) {
                Files.createFile(file); // not a POSIX file system: rely on the directory's protection
            }
        } catch (FileAlreadyExistsException e) {
            // another process created it first; fine
        } catch (IOException e) {
            throw new StoreFailure("could not create " + file.toAbsolutePath(), new UncheckedIOException(e));
        }
    }
}
