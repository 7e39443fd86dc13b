package org.truce.cli;

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

    @Option(names = "--data", defaultValue = "./truce-data", description = "Data directory (default ${DEFAULT-VALUE}).")
    Path data;

    @Override
    public Integer call() throws Exception {
        if (knownAt != null && atSize != null) throw new IllegalArgumentException("give --known-at or --at-size, not both");
        Messages m = Messages.of(lang).orElseThrow(() -> new IllegalArgumentException("no bulletin texts for language " + lang));
        try (ReplayBar bar = new ReplayBar(); Truce truce = Truce.open(data, Clock.systemUTC(), bar)) {
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
}
