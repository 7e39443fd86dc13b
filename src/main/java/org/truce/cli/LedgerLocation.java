package org.truce.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.truce.ledger.LedgerStore;
import org.truce.store.Stores;

/**
 * Where a command finds the ledger: the SQLite file of a data directory, or, with {@code --db}, the
 * PostgreSQL database that several nodes share (the same URL forms as {@code serve --db}). Immutable.
 *
 * @param data the data directory (always given: it holds the node key and the predecessors' keys)
 * @param db   the PostgreSQL URL, or null for the data directory's SQLite file
 */
record LedgerLocation(Path data, String db) {

    /** Whether the ledger is the shared PostgreSQL one. */
    boolean postgres() {
        return db != null;
    }

    /**
     * Opens the ledger of an existing store for reading.
     *
     * @throws IllegalArgumentException if the data directory holds no SQLite store, or the URL is malformed
     */
    LedgerStore openExisting() {
        if (db == null && !Files.isRegularFile(data.resolve(Stores.SQLITE_FILE))) {
            throw new IllegalArgumentException("no Truce store in " + data + " (give --db postgresql://... for a shared database)");
        }
        return open();
    }

    /** Opens (creating an empty store if there is none) the ledger. */
    LedgerStore open() {
        return db == null ? Stores.openSqlite(data) : Stores.openPostgres(db);
    }

    /** The store as named in messages: the directory, or the database URL without its password. */
    String describe() {
        return db == null ? data.toString() : redacted(db);
    }

    /** A URL without the password of its user info (libpq form) or its {@code password=} parameter. */
    static String redacted(String url) {
        return url.replaceAll("(://[^:/@]*):[^@/]*@", "$1:***@").replaceAll("(?i)([?&]password=)[^&]*", "$1***");
    }
}
