package org.truce.witness;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Optional;
import org.truce.ledger.Hashes;
import org.truce.ledger.DurableFile;

/**
 * A witness's durable record: per log origin, the latest checkpoint it cosigned, kept as the signed
 * note it received (with the log's signature) followed by its own cosignature line(s), in
 * {@code <dir>/<lower-case hex SHA-256 of the origin>}. A write replaces the file whole
 * ({@link DurableFile}). Callers serialise the writes of one origin; reads are safe at any time.
 */
final class CosignedCheckpoints {
    private final Path dir;

    CosignedCheckpoints(Path dir) {
        this.dir = dir;
    }

    /** The origin hash of the monitoring prefix: lower-case hex SHA-256 of the origin line. */
    static String originHash(String origin) {
        return HexFormat.of().formatHex(Hashes.sha256(origin.getBytes(StandardCharsets.UTF_8)));
    }

    Optional<SignedNote> latest(String origin) {
        return byHash(originHash(origin)).map(SignedNote::parse);
    }

    /** The kept note of the origin whose hash is {@code originHash}, or empty (also for a malformed hash). */
    Optional<String> byHash(String originHash) {
        if (!originHash.matches("[0-9a-f]{64}")) return Optional.empty();
        return DurableFile.read(dir.resolve(originHash));
    }

    void keep(SignedNote cosigned) {
        DurableFile.write(dir.resolve(originHash(cosigned.checkpoint().origin())), cosigned.text());
    }
}
