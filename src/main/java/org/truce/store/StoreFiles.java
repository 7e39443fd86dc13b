package org.truce.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.truce.ledger.StoreFailure;

/** What every SQLite store of a data directory does when it opens: its file, its migrations. Stateless. */
final class StoreFiles {
    private StoreFiles() {}

    static Path createDirectories(Path dataDir) {
        try {
            return Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new StoreFailure("could not create the data directory " + dataDir.toAbsolutePath(),
                    new UncheckedIOException(e));
        }
    }

    /**
     * Creates the empty file rw------- before SQLite opens it (SQLite takes an empty file as a new
     * database and gives its -wal and -shm files the same mode), for files that hold secrets. An
     * existing file keeps its mode; where POSIX permissions do not exist, this does nothing.
     */
    static void createOwnerOnly(Path file) {
        if (!file.getFileSystem().supportedFileAttributeViews().contains("posix")) return;
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (FileAlreadyExistsException e) {
            // created earlier, or by another process a moment ago
        } catch (IOException e) {
            throw new StoreFailure("could not create " + file.toAbsolutePath(), new UncheckedIOException(e));
        }
    }

    /** Brings the schema at {@code source} up to the migrations at {@code location} (Flyway). */
    static void migrate(DataSource source, String location, String what) {
        try {
            Flyway.configure(StoreFiles.class.getClassLoader())
                    .dataSource(source)
                    .locations(location)
                    .failOnMissingLocations(true)
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            throw new StoreFailure("could not migrate the " + what + " schema: " + e.getMessage(), e);
        }
    }
}
