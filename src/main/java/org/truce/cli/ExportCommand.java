package org.truce.cli;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;
import org.truce.app.Truce;
import org.truce.backup.LedgerExport;
import org.truce.ledger.LedgerStore;
import org.truce.ledger.NoteVerifier;
import org.truce.ledger.PredecessorKeys;
import org.truce.store.KeysBackup;
import org.truce.store.Stores;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write the ledger with its signed heads (JSON Lines) and, apart, the restricted-data keys.")
final class ExportCommand implements Callable<Integer> {
    @Option(names = "--data", defaultValue = "./truce-data", description = "Data directory (default ${DEFAULT-VALUE}).")
    Path data;

    @Option(names = "--db", description = "Export the shared ledger in PostgreSQL instead, postgresql://user@host:port/db (as serve --db);"
            + " --data then names a node's data directory, for its keys.")
    String db;

    @Option(names = "--ledger", description = "Export the ledger: every entry as hashed and every kept signed head.")
    boolean ledger;

    @Option(names = "--out", description = "The ledger export file to write (with --ledger).")
    Path out;

    @Option(names = "--keys", description = "Also write the restricted-data keys to this new file (secret; owner-only).")
    Path keys;

    @Override
    public Integer call() throws Exception {
        if (!ledger && keys == null) throw new IllegalArgumentException("say what to export: --ledger --out FILE, --keys FILE, or both");
        if (db == null && !Files.isRegularFile(data.resolve(Stores.SQLITE_FILE))) throw new IllegalArgumentException("no Truce store in " + data);
        if (ledger) exportLedger();
        if (keys != null) {
            KeysBackup.export(data, keys);
            System.out.println("SECRET: " + keys + " holds the keys that unseal every restricted personal field."
                    + " It is readable by its owner only; keep it apart from the ledger export, encrypted and offline.");
        }
        return 0;
    }

    private void exportLedger() throws Exception {
        if (out == null) throw new IllegalArgumentException("--ledger needs --out FILE");
        Path own = data.resolve("node-key.pub");
        if (!Files.isRegularFile(own)) {
            throw new IllegalArgumentException("no node key in " + data + ": --data must name a node's data directory (" + own
                    + " is the key the heads are signed with)");
        }
        List<String> signers = new ArrayList<>();
        signers.add(Files.readString(own).strip());
        for (NoteVerifier predecessor : PredecessorKeys.read(data)) signers.add(predecessor.verifierKey());
        LedgerExport.Summary summary;
        try (LedgerStore store = new LedgerLocation(data, db).openExisting();
             OutputStream stream = Files.newOutputStream(out, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            summary = LedgerExport.write(store, Truce.DEFAULT_ORIGIN, signers, stream);
        }
        System.out.println("Exported " + summary.size() + " entries and " + summary.heads() + " signed heads to " + out
                + "; root " + Base64.getEncoder().encodeToString(summary.root()) + ".");
    }
}
