package org.truce.witness;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.function.Function;
import org.truce.ledger.Cosigner;

/**
 * The witnesses a log asks to cosign its checkpoints, and how many must (the quorum k of n), read from
 * the environment: {@code TRUCE_WITNESSES} names a file of lines {@code <cosigner verifier key> <submission URL> [<source id>]}
 * (the source: the catalog body that runs the witness; blank lines and lines starting with '#' ignored), {@code TRUCE_WITNESS_QUORUM} the quorum (default: a
 * majority of them). Immutable.
 *
 * @param witnesses each witness's key and submission prefix (add-checkpoint is {@code <url>/add-checkpoint})
 * @param quorum    how many of them must cosign a checkpoint: 1 to n (0 when there are none)
 */
public record WitnessList(List<Known> witnesses, int quorum) {
    public static final String FILE_ENV = org.truce.settings.Setting.WITNESSES.variable;
    public static final String QUORUM_ENV = org.truce.settings.Setting.WITNESS_QUORUM.variable;
    /** No witnesses: checkpoints are served with the log's signature alone. */
    public static final WitnessList NONE = new WitnessList(List.of(), 0);

    /**
     * One witness: its cosigning key (type 0x04), its submission prefix, and the catalog source (the
     * body) that runs it, or null when the configuration names none.
     */
    public record Known(Cosigner cosigner, URI url, String source) {
        public String name() {
            return cosigner.name();
        }
    }

    public WitnessList {
        witnesses = List.copyOf(witnesses);
        if (witnesses.isEmpty() ? quorum != 0 : quorum < 1 || quorum > witnesses.size()) {
            throw new IllegalArgumentException(QUORUM_ENV + " must be between 1 and the " + witnesses.size()
                    + " witnesses of " + FILE_ENV + ", not " + quorum);
        }
        var names = new HashSet<String>();
        for (Known w : witnesses) {
            if (!names.add(w.name())) throw new IllegalArgumentException(FILE_ENV + " names the witness " + w.name() + " twice");
        }
    }

    /** The witnesses configured in {@code env}, or {@link #NONE}; IllegalArgumentException naming the variable and the fault. */
    public static WitnessList configured(Function<String, String> env) {
        String file = env.apply(FILE_ENV);
        String quorum = env.apply(QUORUM_ENV);
        if (file == null || file.isBlank()) {
            if (quorum != null && !quorum.isBlank()) throw new IllegalArgumentException(QUORUM_ENV + " is set but " + FILE_ENV + " is not");
            return NONE;
        }
        List<Known> known = read(Path.of(file.strip()));
        if (quorum == null || quorum.isBlank()) return new WitnessList(known, known.isEmpty() ? 0 : known.size() / 2 + 1);
        try {
            return new WitnessList(known, Integer.parseInt(quorum.strip()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(QUORUM_ENV + " must be a whole number, not \"" + quorum + "\"", e);
        }
    }

    private static List<Known> read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new IllegalArgumentException(FILE_ENV + "=" + file + " cannot be read: " + e, e);
        }
        List<Known> known = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            known.add(known(line, file + " line " + (i + 1)));
        }
        return known;
    }

    private static Known known(String line, String where) {
        String[] parts = line.split("\\s+");
        if (parts.length != 2 && parts.length != 3) {
            throw new IllegalArgumentException(FILE_ENV + ": " + where + " must be \"<verifier key> <url> [<source id>]\"");
        }
        try {
            URI url = URI.create(parts[1].replaceAll("/+$", ""));
            if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme()) || url.getHost() == null) {
                throw new IllegalArgumentException("the URL must be http or https with a host");
            }
            return new Known(Cosigner.parse(parts[0]), url, parts.length == 3 ? parts[2] : null);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(FILE_ENV + ": " + where + ": " + e.getMessage(), e);
        }
    }
}
