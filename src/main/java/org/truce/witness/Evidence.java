package org.truce.witness;

import java.nio.file.Path;
import java.time.Instant;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.truce.ledger.Checkpoint;

/**
 * What a witness keeps when a log signed a checkpoint that is not consistent with one it cosigned:
 * both signed checkpoints, and the request that offered the second (old size and consistency proof),
 * which together may prove that the log misbehaved ({@link EvidenceFinding}). Kept as a text file in
 * the witness's {@code evidence/} directory; the two notes sit between PEM-like markers, so the file
 * reads well and parses back exactly. Immutable.
 *
 * @param reason   why the witness refused the second checkpoint
 * @param keptBy   the witness's name
 * @param at       when it refused it
 * @param cosigned the checkpoint the witness had cosigned (the log's note, then the witness's cosignature)
 * @param refused  the add-checkpoint request it refused (old size, proof lines, empty line, the log's note)
 */
public record Evidence(String reason, String keptBy, Instant at, String cosigned, String refused) {
    private static final String COSIGNED = "COSIGNED CHECKPOINT";
    private static final String REFUSED = "REFUSED ADD-CHECKPOINT REQUEST";
    private static final Pattern FILE = Pattern.compile("truce witness evidence\nreason: (.*)\nkept-by: (\\S+)\nat: (\\S+)\n\n"
            + "-----BEGIN " + COSIGNED + "-----\n(.*?)-----END " + COSIGNED + "-----\n"
            + "-----BEGIN " + REFUSED + "-----\n(.*?)-----END " + REFUSED + "-----\n", Pattern.DOTALL);

    public Evidence {
        if (reason.contains("\n")) throw new IllegalArgumentException("reason must be one line");
    }

    public String text() {
        return "truce witness evidence\nreason: " + reason + "\nkept-by: " + keptBy + "\nat: " + at + "\n\n"
                + "-----BEGIN " + COSIGNED + "-----\n" + cosigned + "-----END " + COSIGNED + "-----\n"
                + "-----BEGIN " + REFUSED + "-----\n" + refused + "-----END " + REFUSED + "-----\n";
    }

    /** Reads a file written by {@link #text()}; IllegalArgumentException when it is not one. */
    public static Evidence parse(String text) {
        Matcher m = FILE.matcher(text);
        if (!m.matches()) throw new IllegalArgumentException("not a witness's evidence file (it must start with \"truce witness evidence\")");
        try {
            return new Evidence(m.group(1), m.group(2), Instant.parse(m.group(3)), m.group(4), m.group(5));
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("evidence time \"" + m.group(3) + "\" is not an ISO instant", e);
        }
    }

    /**
     * {@code <origin hash, 16 hex>-<size cosigned>-<size refused>-<refused root, 16 hex>.txt}: one file per
     * pair of checkpoints, so a log that retries the same refused checkpoint adds no file.
     */
    static Path fileIn(Path dir, Checkpoint cosigned, Checkpoint refused) {
        String origin = CosignedCheckpoints.originHash(cosigned.origin()).substring(0, 16);
        return dir.resolve(origin + "-" + cosigned.size() + "-" + refused.size() + "-"
                + HexFormat.of().formatHex(refused.rootHash()).substring(0, 16) + ".txt");
    }
}
