package org.truce.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.truce.ledger.Cosigner;
import org.truce.ledger.NoteVerifier;
import org.truce.witness.Evidence;
import org.truce.witness.EvidenceFinding;
import org.truce.witness.Quorum;

/** The witness parts of {@code truce verify}: a witness's evidence file, and the k-of-n cosignatures of kept checkpoints. */
final class WitnessChecks {
    /** Exit status when the evidence neither proves misbehaviour nor shows consistency. */
    static final int UNPROVEN = 3;

    private WitnessChecks() {}

    /** {@code verify --evidence FILE --log-key VKEY}: 1 when it proves a fork, 0 when consistent, 3 when unproven, 2 when not the log's. */
    static int evidence(Path file, String logKey) throws IOException {
        if (logKey == null) throw new IllegalArgumentException("--evidence needs --log-key: the log's verifier key, obtained elsewhere");
        Evidence evidence = Evidence.parse(Files.readString(file));
        EvidenceFinding finding = EvidenceFinding.of(evidence, NoteVerifier.parse(KeyArgument.text(logKey)));
        System.out.println("Evidence kept by witness " + evidence.keptBy() + " at " + evidence.at() + " (" + evidence.reason() + "):");
        System.out.println(finding.message());
        return switch (finding.kind()) {
            case FORK_PROVEN -> 1;
            case CONSISTENT -> 0;
            case UNPROVEN -> UNPROVEN;
            case NOT_SIGNED -> 2;
        };
    }

    /** Whether every kept checkpoint carries the quorum of cosignatures; prints each witness's verdict. */
    static boolean quorum(List<LedgerCheckpoint> checkpoints, List<String> witnessKeys, Integer quorum) {
        List<Cosigner> witnesses = witnessKeys.stream().map(k -> Cosigner.parse(KeyArgument.text(k))).toList();
        int k = quorum == null ? witnesses.size() : quorum;
        if (checkpoints.isEmpty()) {
            throw new IllegalArgumentException("--witness needs --checkpoint FILE: a checkpoint with its cosignatures"
                    + " (GET /api/v1/ledger/checkpoint)");
        }
        boolean ok = true;
        for (LedgerCheckpoint kept : checkpoints) {
            Quorum q = Quorum.of(kept.note(), witnesses, k);
            System.out.println("Cosignatures of " + kept.label() + " (size " + q.checkpoint().size() + "): " + q.valid() + " of "
                    + witnesses.size() + " witnesses, quorum " + k + (q.met() ? ": OK" : ": FAILED"));
            for (Quorum.Verdict v : q.each()) {
                System.out.println("  " + switch (v.status()) {
                    case VALID -> "cosigned by " + v.witness() + " at " + v.cosignedAt();
                    case MISSING -> "MISSING: no cosignature by " + v.witness();
                    case BAD -> "BAD: the cosignature in the name of " + v.witness() + " does not verify with its key";
                });
            }
            ok &= q.met();
        }
        return ok;
    }

    /** Whether every kept checkpoint is signed by one of the log's keys; prints the first fault of each one that is not. */
    static boolean signed(List<LedgerCheckpoint> checkpoints, List<NoteVerifier> keys) {
        boolean ok = true;
        for (LedgerCheckpoint kept : checkpoints) {
            String fault = null;
            for (NoteVerifier key : keys) {
                try {
                    key.verify(kept.note());
                    fault = null;
                    break;
                } catch (IllegalArgumentException e) {
                    fault = e.getMessage();
                }
            }
            if (fault != null) System.out.println("FAILED: " + kept.label() + " is not signed by the log's key: " + fault);
            ok &= fault == null;
        }
        return ok;
    }

    /** A checkpoint the reader kept, and how to name it. */
    record LedgerCheckpoint(String label, String note) {}
}
