package org.truce.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;
import org.truce.app.Truce;
import org.truce.backup.LedgerImport;
import org.truce.ledger.LedgerStore;
import org.truce.ledger.NodeKey;
import org.truce.ledger.NoteVerifier;
import org.truce.ledger.PredecessorKeys;
import org.truce.store.DataDirLock;
import org.truce.store.KeysBackup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Restores a ledger export into an empty store. The new node signs its future heads with its own key;
 * the heads of the export keep the exporting node's signatures, whose verifier key is kept in the
 * data directory ({@link PredecessorKeys}) so that the node opens and {@code truce verify} passes.
 */
@Command(name = "import", mixinStandardHelpOptions = true, subcommands = ImportFigures.class,
        description = "Restore a ledger export into an empty store, checking every leaf and signed head first;"
                + " or (import figures FILE) send a spreadsheet of figures to a running node.")
final class ImportCommand implements Callable<Integer> {
    // not required by picocli: "import figures" needs no ledger (a required option of a parent is required of its subcommands)
    @Option(names = "--ledger", description = "The ledger export file (from truce export --ledger); required unless a subcommand is given.")
    Path file;

    @Option(names = "--data", defaultValue = "./truce-data", description = "Data directory of the new node (default ${DEFAULT-VALUE}).")
    Path data;

    @Option(names = "--db", description = "Import into this empty PostgreSQL database instead of the SQLite file,"
            + " postgresql://user@host:port/db (as serve --db).")
    String db;

    @Option(names = "--public-key", description = "The exporting node's verifier key, obtained independently of the file.")
    Path publicKey;

    @Option(names = "--keys", description = "Also restore the restricted-data keys from this file (from truce export --keys).")
    Path keys;

    @Override
    public Integer call() throws Exception {
        if (file == null) throw new IllegalArgumentException("give --ledger FILE to restore a ledger export, or import figures FILE");
        List<NoteVerifier> trusted = publicKey == null ? List.of() : List.of(NoteVerifier.parse(Files.readString(publicKey).strip()));
        if (publicKey == null) {
            System.err.println("warning: the heads are checked with the keys the file itself names; that proves the file is"
                    + " whole, not who made it. Pass --public-key with the exporting node's key obtained elsewhere.");
        }
        try (DataDirLock lock = DataDirLock.acquire(data); LedgerStore store = openTarget()) {
            if (store.size() != 0 || !store.heads().isEmpty()) {
                throw new IllegalStateException("refusing to import: the store of " + target() + " already holds " + store.size()
                        + " entries; import only into an empty store (a new --data directory or an empty database)");
            }
            LedgerImport.Checked checked = LedgerImport.check(file, trusted);
            if (!checked.origin().equals(Truce.DEFAULT_ORIGIN)) {
                throw new IllegalArgumentException("the export's origin is " + checked.origin() + ", this node's " + Truce.DEFAULT_ORIGIN);
            }
            PredecessorKeys.add(data, trusted.isEmpty() ? checked.verifierKeys() : trusted.stream().map(NoteVerifier::verifierKey).toList());
            LedgerImport.commit(file, checked, store);
            if (keys != null) KeysBackup.restore(keys, data);
            NodeKey own = NodeKey.loadOrCreate(data, Truce.DEFAULT_ORIGIN);
            System.out.println("Imported " + checked.size() + " entries and " + checked.heads().size() + " signed heads into "
                    + target() + "; root " + Base64.getEncoder().encodeToString(checked.root()) + " matches the last signed head.");
            System.out.println("This node signs new heads with its own key " + own.verifierKey() + "; the imported heads stay"
                    + " verifiable with the exporting node's key, kept in " + data.resolve(PredecessorKeys.FILE) + ".");
            if (db != null) {
                System.out.println("Serve the database from " + data + ", or copy node-key.pk8, node-key.pub and "
                        + PredecessorKeys.FILE + " from it into every node's data directory.");
            }
        }
        return 0;
    }

    private String target() {
        return new LedgerLocation(data, db).describe();
    }

    /** The store to import into: the data directory's SQLite file, or the PostgreSQL database of --db. */
    private LedgerStore openTarget() {
        return new LedgerLocation(data, db).open();
    }
}
