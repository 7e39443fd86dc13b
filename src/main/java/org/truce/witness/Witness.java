package org.truce.witness;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.truce.ledger.Checkpoint;
import org.truce.ledger.CosignerKey;
import org.truce.ledger.Hashes;
import org.truce.ledger.MerkleProofs;
import org.truce.ledger.NoteVerifier;
import org.truce.ledger.DurableFile;

/**
 * A witness (https://c2sp.org/tlog-witness): for each log it trusts (one Ed25519 key, whose name is the
 * log's origin) it keeps the latest checkpoint it cosigned, and cosigns a new one only when a
 * consistency proof shows the old tree is a prefix of the new. Its data directory holds
 * {@code logs/} ({@link CosignedCheckpoints}) and {@code evidence/} ({@link Evidence}: validly signed
 * checkpoints refused as inconsistent). Thread-safe: the check of a request's old size against the
 * kept checkpoint and the update run under one lock per origin, so two requests cannot roll the record
 * back (the race the spec describes).
 */
public final class Witness {
    private static final Logger LOG = LoggerFactory.getLogger(Witness.class);

    private final CosignerKey key;
    private final Map<String, NoteVerifier> logs;
    private final CosignedCheckpoints record;
    private final Path evidence;
    private final Clock clock;
    private final Map<String, Object> locks = new ConcurrentHashMap<>();

    public Witness(Path dataDir, CosignerKey key, List<NoteVerifier> logKeys, Clock clock) {
        this.key = key;
        this.clock = clock;
        this.record = new CosignedCheckpoints(dataDir.resolve("logs"));
        this.evidence = dataDir.resolve("evidence");
        Map<String, NoteVerifier> byOrigin = new HashMap<>();
        for (NoteVerifier log : logKeys) {
            if (byOrigin.put(log.name(), log) != null) {
                throw new IllegalArgumentException("two log keys named " + log.name() + ": one key per log origin");
            }
        }
        this.logs = Map.copyOf(byOrigin);
    }

    /** The witness's verifier key (type 0x04), which readers configure to check its cosignatures. */
    public String verifierKey() {
        return key.verifierKey();
    }

    /** The latest checkpoint cosigned for the log whose origin hashes to {@code originHash}, with the log's and this witness's signatures. */
    public Optional<String> checkpoint(String originHash) {
        return record.byHash(originHash);
    }

    /** The latest checkpoint cosigned for {@code origin}, or empty. */
    public Optional<Checkpoint> latest(String origin) {
        return record.latest(origin).map(SignedNote::checkpoint);
    }

    /** The evidence files kept so far, oldest name first. */
    public List<Path> evidence() {
        if (!Files.isDirectory(evidence)) return List.of();
        try (var files = Files.list(evidence)) {
            return files.filter(f -> f.toString().endsWith(".txt")).sorted().toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Answers an add-checkpoint request body; a cosigned checkpoint is durable before this returns. */
    public WitnessAnswer add(String body) {
        AddCheckpoint request;
        try {
            request = AddCheckpoint.parse(body);
        } catch (IllegalArgumentException e) {
            return new WitnessAnswer.Refused(400, e.getMessage());
        }
        Checkpoint checkpoint = request.note().checkpoint();
        NoteVerifier log = logs.get(checkpoint.origin());
        if (log == null) return new WitnessAnswer.Refused(404, "this witness knows no log with origin " + checkpoint.origin());
        try {
            log.verify(request.note().text());
        } catch (IllegalArgumentException e) {
            return new WitnessAnswer.Refused(403, "the checkpoint has no valid signature of the log's key: " + e.getMessage());
        }
        synchronized (locks.computeIfAbsent(checkpoint.origin(), o -> new Object())) {
            return decide(request, record.latest(checkpoint.origin()));
        }
    }

    /** The rules of add-checkpoint once the request is well formed and signed by the log; under the origin's lock. */
    private WitnessAnswer decide(AddCheckpoint request, Optional<SignedNote> kept) {
        Checkpoint next = request.note().checkpoint();
        long keptSize = kept.map(k -> k.checkpoint().size()).orElse(0L);
        if (request.oldSize() > next.size()) {
            if (kept.isPresent() && request.oldSize() == keptSize) {
                keepEvidence(kept.get(), request, "the log signed a checkpoint of size " + next.size() + " after one of size " + keptSize);
            }
            return new WitnessAnswer.Refused(400, "old size " + request.oldSize() + " is beyond the checkpoint's size " + next.size());
        }
        if (request.oldSize() != keptSize) return new WitnessAnswer.Conflict(keptSize);
        if (next.size() == 0 && !java.util.Arrays.equals(next.rootHash(), Hashes.emptyRoot())) {
            return new WitnessAnswer.Refused(422, "a checkpoint of size 0 must have the root of the empty tree (SHA-256 of nothing)");
        }
        if (request.oldSize() == 0 && !request.proof().isEmpty()) {
            return new WitnessAnswer.Refused(422, "with old size 0 the consistency proof must be empty");
        }
        if (keptSize > 0) {
            Checkpoint old = kept.get().checkpoint();
            if (next.size() == keptSize && !old.equals(next)) {
                keepEvidence(kept.get(), request, "the log signed two different trees of size " + keptSize);
                return new WitnessAnswer.Refused(422, "this witness cosigned another tree of size " + keptSize + " for this log");
            }
            if (!MerkleProofs.verifyConsistency(keptSize, next.size(), old.rootHash(), next.rootHash(), request.proof())) {
                if (next.size() > keptSize) {
                    keepEvidence(kept.get(), request, "no valid consistency proof from the tree of size " + keptSize + " it cosigned to size " + next.size());
                }
                return new WitnessAnswer.Refused(422, "the consistency proof from size " + keptSize + " to size " + next.size() + " does not verify");
            }
        }
        String lines = key.cosign(next, Math.max(1, clock.instant().getEpochSecond()));
        record.keep(request.note().with(lines));
        return new WitnessAnswer.Cosigned(lines);
    }

    private void keepEvidence(SignedNote kept, AddCheckpoint request, String reason) {
        Path file = Evidence.fileIn(evidence, kept.checkpoint(), request.note().checkpoint());
        if (Files.exists(file)) return; // the same refusal again (a log retrying): kept once
        Evidence e = new Evidence(reason, key.name(), clock.instant(), kept.text(), request.text());
        DurableFile.write(file, e.text());
        LOG.warn("refused a checkpoint of {} signed by the log: {}; evidence kept in {}", kept.checkpoint().origin(), reason, file);
    }
}
