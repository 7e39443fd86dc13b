package org.truce.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.truce.app.Truce;
import org.truce.bulletin.Bulletin;
import org.truce.bulletin.BulletinHtml;
import org.truce.bulletin.BulletinJson;
import org.truce.bulletin.BulletinText;
import org.truce.bulletin.Messages;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "bulletin", mixinStandardHelpOptions = true,
        description = "Print the situation report for a date, computed from the ledger alone.")
final class BulletinCommand implements Callable<Integer> {
    @Option(names = "--as-of", required = true, description = "Date of the report, YYYY-MM-DD.")
    LocalDate asOf;

    @Option(names = "--known-at", description = "Use only entries recorded at or before this instant (ISO-8601).")
    Instant knownAt;

    @Option(names = "--at-size", description = "Use only the ledger's first N entries.")
    Long atSize;

    @Option(names = "--lang", defaultValue = "en", description = "Language: en or ru (default ${DEFAULT-VALUE}).")
    String lang;

    @Option(names = "--format", defaultValue = "text", description = "text, json or html (default ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--data", defaultValue = "./truce-data", description = "Data directory (default ${DEFAULT-VALUE});"
            + " with --db, one holding the nodes' shared key and used by no running node.")
    Path data;

    @Option(names = "--db", description = "Read the shared ledger in PostgreSQL instead, postgresql://user@host:port/db (as serve --db).")
    String db;

    @Override
    public Integer call() throws Exception {
        if (knownAt != null && atSize != null) throw new IllegalArgumentException("give --known-at or --at-size, not both");
        Messages m = Messages.of(lang).orElseThrow(() -> new IllegalArgumentException("no bulletin texts for language " + lang));
        if (db != null) requireSharedKey();
        try (ReplayBar bar = new ReplayBar(); Truce truce = Truce.open(data, db, Clock.systemUTC(), bar)) {
            long size = truce.ledger().size();
            if (atSize != null) {
                if (atSize < 0 || atSize > size) throw new IllegalArgumentException("--at-size must be between 0 and " + size);
                size = atSize;
            } else if (knownAt != null) {
                size = truce.ledger().sizeAt(knownAt);
            }
            Bulletin b = truce.bulletins().compose(asOf, size, m);
            String out = switch (format) {
                case "text" -> BulletinText.render(b);
                case "html" -> BulletinHtml.render(b);
                case "json" -> BulletinJson.render(b).toPrettyString() + "\n";
                default -> throw new IllegalArgumentException("--format must be text, json or html");
            };
            System.out.print(out);
        }
        return 0;
    }

    /**
     * The bulletin names its checkpoint signed with the node key of {@code --data}; on a shared database
     * that must be the key every node signs with, or the ledger refuses to open. Refuse before a new key
     * is made, saying what to copy.
     */
    private void requireSharedKey() {
        if (!Files.isRegularFile(data.resolve("node-key.pk8"))) {
            throw new IllegalArgumentException("--db needs the nodes' shared key in --data: copy node-key.pk8 and node-key.pub"
                    + " from a node's data directory into " + data + " (every node of one database signs with one key)");
        }
    }
}
