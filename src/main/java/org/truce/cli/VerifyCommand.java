package org.truce.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import org.truce.ledger.BodySignatures;
import org.truce.ledger.HighestHead;
import org.truce.ledger.LedgerStore;
import org.truce.ledger.LedgerVerifier;
import org.truce.ledger.NoteVerifier;
import org.truce.ledger.PredecessorKeys;
import org.truce.store.Stores;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code truce verify}: checks a whole store from scratch (the data directory's SQLite file, or with
 * {@code --db} the PostgreSQL ledger several nodes share) and names the first bad seq; then that the
 * store still holds, and is consistent with, every checkpoint pinned: those given with
 * {@code --checkpoint}, and the highest head the node remembers in its data directory
 * ({@link HighestHead#FILE}), so a store rolled back behind the node's back fails. Only reads.
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Recompute every leaf and root from the store and check every kept head's signature.")
final class VerifyCommand implements Callable<Integer> {
    @Option(names = "--data", defaultValue = "./truce-data",
            description = "Data directory (default ${DEFAULT-VALUE}): its store, unless --db; its node key, unless --public-key.")
    Path data;

    @Option(names = "--db", description = "Verify the shared ledger in PostgreSQL instead, postgresql://user@host:port/db (as serve --db).")
    String db;

    @Option(names = "--public-key", description = "A verifier key obtained independently of the data directory;"
            + " repeat it for the keys of heads from before an import.")
    List<Path> publicKeys;

    @Option(names = "--checkpoint", paramLabel = "FILE", description = "A checkpoint kept earlier (the C2SP signed note of"
            + " GET /api/v1/ledger/head?format=note, or that route's JSON): the store must still hold it, with a consistency"
            + " proof from it to the store's tree. Repeat for several.")
    List<Path> checkpoints;

    @Option(names = "--evidence", paramLabel = "FILE", description = "Instead of a store, check a witness's evidence file:"
            + " both checkpoints must be signed by --log-key; exit 1 when they prove the log signed two trees of one size,"
            + " 3 when they prove nothing either way, 0 when they are consistent.")
    Path evidence;

    @Option(names = "--log-key", paramLabel = "VKEY", description = "With --evidence: the log's verifier key (the text, or a file holding it).")
    String logKey;

    @Option(names = "--witness", paramLabel = "VKEY", description = "A witness's cosigner verifier key (the text, or a file holding it):"
            + " each --checkpoint must carry valid cosignatures of --quorum of the witnesses given. Repeat for each witness.")
    List<String> witnesses;

    @Option(names = "--quorum", paramLabel = "K", description = "How many of the --witness keys must have cosigned each --checkpoint (default: all)."
            + " With --witness and no store in --data, only the checkpoints are checked (their --public-key signature and cosignatures).")
    Integer quorum;

    @Override
    public Integer call() throws Exception {
        if (evidence != null) return WitnessChecks.evidence(evidence, logKey);
        boolean witnessed = witnesses == null || witnesses.isEmpty() || WitnessChecks.quorum(kept(), witnesses, quorum);
        if (witnesses != null && !witnesses.isEmpty() && db == null && !Files.isRegularFile(data.resolve(Stores.SQLITE_FILE))) {
            // a reader without a copy of the store: the checkpoints' own signatures and cosignatures are all there is to check
            if (publicKeys == null || publicKeys.isEmpty()) throw new IllegalArgumentException("without a store, give --public-key FILE: the log's key");
            boolean signed = WitnessChecks.signed(kept(), keys());
            System.out.println(signed && witnessed ? "OK: every checkpoint is signed by the log and cosigned by the quorum (no store was checked)."
                    : "FAILED: see above (no store was checked).");
            return signed && witnessed ? 0 : 1;
        }
        LedgerLocation where = new LedgerLocation(data, db);
        List<NoteVerifier> keys = keys();
        List<LedgerVerifier.Pin> pins = pins();
        LedgerVerifier.Verdict verdict;
        List<BodySignatures.Failure> unsigned;
        try (LedgerStore store = where.openExisting();
             ProgressBar bar = new ProgressBarBuilder().setTaskName("verify").setInitialMax(store.size())
                     .setUnit(" entries", 1).showSpeed().continuousUpdate().build()) {
            verdict = LedgerVerifier.verify(store, keys, pins, bar::stepTo);
            unsigned = BodySignatures.check(store);
        }
        if (!unsigned.isEmpty()) {
            // each is named: the node's own heads may cover them (its operator could sign them), a body's key could not
            System.out.println("FAILED: " + unsigned.size() + (unsigned.size() == 1 ? " entry does not carry the signature of the body it"
                    : " entries do not carry the signature of the body they") + " speak" + (unsigned.size() == 1 ? "s" : "") + " for:");
            for (BodySignatures.Failure f : unsigned) System.out.println("  seq " + f.seq() + " (" + f.clientId() + "): " + f.reason());
        }
        if (verdict.ok() && !witnessed) {
            System.out.println("FAILED: a checkpoint lacks the quorum of cosignatures (above); the store itself verifies.");
            return 1;
        }
        if (verdict.ok() && unsigned.isEmpty()) {
            System.out.println("OK: " + verdict.entries() + " entries and " + verdict.heads() + " signed heads verify"
                    + (where.postgres() ? " in " + where.describe() : "") + ".");
            for (LedgerVerifier.Pin pin : pins) System.out.println("The store holds " + pin.label() + " and is consistent with it.");
            System.out.println("Every entry in the name of a body that signs carries its valid signature or is marked another"
                    + " organisation's transcription.");
            return 0;
        }
        if (verdict.ok()) {
            System.out.println("The tree, its " + verdict.heads() + " signed heads and the pinned checkpoints verify; the entries above do not.");
            return 1;
        }
        System.out.println(verdict.firstBadSeq() < 0 ? "FAILED: " + verdict.reason()
                : "FAILED at seq " + verdict.firstBadSeq() + ": " + verdict.reason());
        return 1;
    }

    /** The checkpoints given, then the node's own highest head when its data directory keeps one. */
    private List<LedgerVerifier.Pin> pins() throws java.io.IOException {
        List<LedgerVerifier.Pin> pins = new ArrayList<>();
        if (checkpoints != null) {
            for (Path file : checkpoints) pins.add(new LedgerVerifier.Pin("the checkpoint in " + file, signedNote(file)));
        }
        Path own = data.resolve(HighestHead.FILE);
        if (Files.isRegularFile(own)) {
            pins.add(new LedgerVerifier.Pin("the highest head this node signed (" + own + ")", Files.readString(own)));
        }
        return pins;
    }

    private List<WitnessChecks.LedgerCheckpoint> kept() throws java.io.IOException {
        List<WitnessChecks.LedgerCheckpoint> kept = new ArrayList<>();
        if (checkpoints != null) {
            for (Path file : checkpoints) kept.add(new WitnessChecks.LedgerCheckpoint("the checkpoint in " + file, signedNote(file)));
        }
        return kept;
    }

    /** The signed note in a file: the note itself, or the JSON of GET /api/v1/ledger/head (its signedNote). */
    private static String signedNote(Path file) throws java.io.IOException {
        String text = Files.readString(file);
        if (!text.stripLeading().startsWith("{")) return text;
        var note = new com.fasterxml.jackson.databind.ObjectMapper().readTree(text).path("signedNote");
        if (!note.isTextual()) throw new IllegalArgumentException(file + " is JSON without a signedNote");
        return note.asText();
    }

    /** The keys given, else the data directory's node key (with a warning); and the predecessors' keys kept there. */
    private List<NoteVerifier> keys() throws java.io.IOException {
        List<NoteVerifier> keys = new ArrayList<>();
        if (publicKeys != null && !publicKeys.isEmpty()) {
            for (Path file : publicKeys) keys.add(NoteVerifier.parse(Files.readString(file).trim()));
        } else {
            Path own = data.resolve("node-key.pub");
            if (!Files.isRegularFile(own)) {
                throw new IllegalArgumentException("no verifier key: give --public-key FILE (there is no " + own + ")");
            }
            keys.add(NoteVerifier.parse(Files.readString(own).trim()));
            System.err.println("warning: the key was read from the data directory itself; that proves nothing against"
                    + " whoever can write that directory. Pass --public-key with a key obtained elsewhere.");
        }
        List<NoteVerifier> predecessors = PredecessorKeys.read(data);
        keys.addAll(predecessors);
        if (!predecessors.isEmpty()) {
            System.err.println("note: this store was imported; heads from before the import are checked with the exporting"
                    + " node's key(s) kept in " + data.resolve(PredecessorKeys.FILE) + ".");
        }
        return keys;
    }
}
