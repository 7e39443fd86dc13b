package org.truce.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import org.truce.ledger.LedgerStore;
import org.truce.ledger.LedgerVerifier;
import org.truce.ledger.NoteVerifier;
import org.truce.ledger.PredecessorKeys;
import org.truce.store.Stores;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Recompute every leaf and root from the store and check every kept head's signature.")
final class VerifyCommand implements Callable<Integer> {
    @Option(names = "--data", defaultValue = "./truce-data", description = "Data directory (default ${DEFAULT-VALUE}).")
    Path data;

    @Option(names = "--public-key", description = "The node's verifier key, obtained independently of the data directory.")
    Path publicKey;

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(data.resolve("truce.db"))) throw new IllegalArgumentException("no Truce store in " + data);
        Path keyFile = publicKey != null ? publicKey : data.resolve("node-key.pub");
        NoteVerifier key = NoteVerifier.parse(Files.readString(keyFile).trim());
        if (publicKey == null) {
            System.err.println("warning: the key was read from the data directory itself; that proves nothing against"
                    + " whoever can write that directory. Pass --public-key with a key obtained elsewhere.");
        }
        List<NoteVerifier> keys = new ArrayList<>(List.of(key));
        List<NoteVerifier> predecessors = PredecessorKeys.read(data);
        keys.addAll(predecessors);
        if (!predecessors.isEmpty()) {
            System.err.println("note: this store was imported; heads from before the import are checked with the exporting"
                    + " node's key(s) kept in " + data.resolve(PredecessorKeys.FILE) + ".");
        }
        LedgerVerifier.Verdict verdict;
        try (LedgerStore store = Stores.openSqlite(data);
             ProgressBar bar = new ProgressBarBuilder().setTaskName("verify").setInitialMax(store.size())
                     .setUnit(" entries", 1).showSpeed().continuousUpdate().build()) {
            verdict = LedgerVerifier.verify(store, keys, bar::stepTo);
        }
        if (verdict.ok()) {
            System.out.println("OK: " + verdict.entries() + " entries and " + verdict.heads() + " signed heads verify.");
            return 0;
        }
        System.out.println("FAILED at seq " + verdict.firstBadSeq() + ": " + verdict.reason());
        return 1;
    }
}
