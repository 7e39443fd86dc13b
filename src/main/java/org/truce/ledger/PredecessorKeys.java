package org.truce.ledger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The verifier keys of the nodes that signed the heads a data directory holds from before an import
 * ({@code predecessor-keys.pub}, one C2SP verifier key a line). A node signs only with its own
 * {@link NodeKey}; heads made before the import keep the exporting node's signature and are verified
 * with these keys. Static helpers; the file is written once, by the import, before the node first opens.
 */
public final class PredecessorKeys {
    public static final String FILE = "predecessor-keys.pub";

    private PredecessorKeys() {}

    /** The kept keys, or none when the directory never received an import. */
    public static List<NoteVerifier> read(Path dataDir) {
        Path file = dataDir.resolve(FILE);
        if (!Files.exists(file)) return List.of();
        try {
            List<NoteVerifier> keys = new ArrayList<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) keys.add(NoteVerifier.parse(line.strip()));
            }
            return keys;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Adds keys (verifier key text) to the file, keeping those already there. */
    public static void add(Path dataDir, List<String> verifierKeys) {
        Path file = dataDir.resolve(FILE);
        try {
            Set<String> all = new LinkedHashSet<>();
            if (Files.exists(file)) {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) if (!line.isBlank()) all.add(line.strip());
            }
            for (String key : verifierKeys) {
                NoteVerifier.parse(key.strip()); // a malformed key fails here, before anything is written
                all.add(key.strip());
            }
            Files.writeString(file, String.join("\n", all) + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
