package org.truce.cli;

import io.javalin.Javalin;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.truce.app.Truce;
import org.truce.ledger.Cosigner;
import org.truce.ledger.Hashes;
import org.truce.ledger.NoteVerifier;
import org.truce.mirror.Alarm;
import org.truce.mirror.CheckpointPolicy;
import org.truce.mirror.LogClient;
import org.truce.mirror.Mirror;
import org.truce.web.CheckPage;
import org.truce.web.Language;
import org.truce.web.WebApp;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code truce mirror}: follows a log, keeps a checked copy, recomputes its bulletins and serves the
 * same read API from the copy (see {@link Mirror}). With {@code --once}, one round and an exit status:
 * 0 when everything matched, 1 on any alarm, 2 when the log could not be read.
 */
@Command(name = "mirror", mixinStandardHelpOptions = true,
        description = "Follow a log: copy and check every entry against its signed checkpoints, recompute every published"
                + " bulletin from the copy, alarm on any difference, and serve the same read API from the copy.")
final class MirrorCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(MirrorCommand.class);

    @Option(names = "--log", required = true, description = "The log's address, e.g. http://operator.example:8080.")
    String logUrl;

    @Option(names = "--log-key", required = true, description = "The log's verifier key (or a file holding it), obtained"
            + " elsewhere than from the log.")
    String logKey;

    @Option(names = "--data", defaultValue = "./truce-mirror", description = "The mirror's directory: its copy, the checkpoint"
            + " it accepted, the log's notes and any evidence (default ${DEFAULT-VALUE}).")
    Path data;

    @Option(names = "--witness", paramLabel = "VKEY", description = "A witness's cosignature verifier key (or a file); repeatable.")
    List<String> witnesses = List.of();

    @Option(names = "--quorum", paramLabel = "K", description = "How many of the --witness keys must have cosigned a checkpoint"
            + " (default: all the --witness keys given; --quorum 0 asks for no cosignature).")
    Integer quorum;

    @Option(names = "--once", description = "One round, then exit: 0 all matched, 1 an alarm, 2 the log could not be read.")
    boolean once;

    @Option(names = "--port", description = "Serve the copy's read API on this port (default 8081; with --once, a free port,"
            + " used only to recompute the bulletins).")
    Integer port;

    @Option(names = "--interval", defaultValue = "30", description = "Seconds between rounds (default ${DEFAULT-VALUE}).")
    int interval;

    @Option(names = "--public-url", description = "The address the log's readers use (its TRUCE_PUBLIC_URL), printed in the"
            + " PDFs' check links (default: --log).")
    String publicUrl;

    @Option(names = "--audit-entries", defaultValue = "100000", description = "Entries re-read from the log each round to"
            + " find any it changed or no longer serves, continuing where the last round stopped (default ${DEFAULT-VALUE};"
            + " --once re-reads all).")
    long auditEntries;

    @Option(names = "--formats", split = ",", description = "The bulletin formats compared (default json,text,html,pdf: all the"
            + " log serves; JSON is always compared, it carries the signed note the others repeat).")
    List<String> formats = Mirror.FORMATS;

    @Override
    public Integer call() throws Exception {
        for (String f : formats) {
            if (!Mirror.FORMATS.contains(f)) throw new IllegalArgumentException("--formats: " + f + " is none of " + Mirror.FORMATS);
        }
        compared = Mirror.FORMATS.stream().filter(f -> f.equals("json") || formats.contains(f)).toList();
        if (interval < 1) throw new IllegalArgumentException("--interval must be at least 1 second, not " + interval);
        if (auditEntries < 1) throw new IllegalArgumentException("--audit-entries must be at least 1, not " + auditEntries);
        NoteVerifier log = NoteVerifier.parse(keyText(logKey, "--log-key"));
        List<Cosigner> cosigners = witnesses.stream().map(w -> Cosigner.parse(keyText(w, "--witness"))).toList();
        // as truce verify: witnesses named and no quorum means all of them, never a silent zero
        CheckpointPolicy policy = new CheckpointPolicy(log, cosigners, quorum == null ? cosigners.size() : quorum);
        LogClient client = new LogClient(logUrl);
        List<String> languages = Arrays.stream(Language.values()).map(Language::code).toList();
        try (Mirror mirror = Mirror.open(client, policy, data, languages, compared, once ? Long.MAX_VALUE : auditEntries)) {
            Served replica = new Served(mirror, client.base(), publicUrl == null ? client.base() : publicUrl,
                    port != null ? port : once ? 0 : 8081);
            try {
                return once ? once(mirror, replica) : follow(mirror, replica);
            } finally {
                replica.close();
            }
        }
    }

    private List<String> compared = Mirror.FORMATS;

    private int once(Mirror mirror, Served replica) {
        try {
            mirror.round(replica);
        } catch (UncheckedIOException e) {
            System.err.println("truce mirror: the log could not be read: " + e.getMessage());
            return 2;
        }
        mirror.alarms().forEach(a -> System.out.println("ALARM " + a.line()));
        String cp = mirror.accepted().map(c -> "checkpoint size " + c.size() + " (root " + Hashes.hex(c.rootHash()) + ")")
                .orElse("no checkpoint");
        System.out.println("Mirror of " + logUrl + ": " + cp + " accepted; " + mirror.publicationsVerified()
                + " publications verified, " + mirror.outputsCompared() + " outputs (" + String.join(", ", compared) + ", in each"
                + " language) compared byte for byte with the log's; " + mirror.alarms().size() + " alarms.");
        return mirror.alarms().isEmpty() ? 0 : 1;
    }

    private int follow(Mirror mirror, Served replica) throws InterruptedException {
        while (true) {
            try {
                mirror.round(replica);
            } catch (UncheckedIOException e) {
                LOG.warn("the log could not be read; the next round tries again in {} s: {}", interval, e.getMessage());
            }
            Thread.sleep(interval * 1000L); // the pace of a follower, not a wait for an event
        }
    }

    private static String keyText(String value, String option) {
        if (value.isBlank()) throw new IllegalArgumentException(option + " is empty");
        return KeyArgument.text(value);
    }

    /** The copy opened as a read-only node and served by the node's web application. */
    private static final class Served implements Mirror.Replica {
        private static final java.time.Duration CATCH_UP_WITHIN = java.time.Duration.ofMinutes(10);
        private final Mirror mirror;
        private final String logUrl;
        private final String publicUrl;
        private final int port;
        private Truce truce;
        private Javalin app;

        Served(Mirror mirror, String logUrl, String publicUrl, int port) {
            this.mirror = mirror;
            this.logUrl = logUrl;
            this.publicUrl = publicUrl.replaceAll("/+$", "");
            this.port = port;
        }

        @Override
        public URI open() {
            truce = Truce.openMirror(mirror.copyDir(), mirror.copyStore(), mirror.notes(), Clock.systemUTC());
            truce.metrics().watchMirror(() -> mirror.alarms().size(), () -> mirror.accepted().map(c -> c.size()).orElse(0L),
                    mirror::outputsCompared);
            app = WebApp.createMirror(truce, logUrl, publicUrl, () -> mirror.alarms().stream().map(Alarm::line).toList(),
                    mirror::cosignedCheckpoint, witnessing(mirror.policy()),
                    org.truce.settings.Settings.environment().value(org.truce.settings.Setting.METRICS_TOKEN),
                    org.truce.settings.Settings.environment()).start(port);
            LOG.info("serving the copy of {} ({} entries) on http://localhost:{}/", logUrl, truce.ledger().size(), app.port());
            return URI.create("http://localhost:" + app.port());
        }

        /** The mirror's witnesses, each by its name, and its quorum: what its check page offers a reader. */
        private static CheckPage.Witnessing witnessing(CheckpointPolicy policy) {
            return new CheckPage.Witnessing(policy.witnesses().stream()
                    .map(w -> new CheckPage.Witnessing.Witness(w.name(), w.verifierKey())).toList(), policy.quorum());
        }

        @Override
        public void caughtUp(long size) {
            long deadline = System.nanoTime() + CATCH_UP_WITHIN.toNanos();
            while (truce.ledger().size() < size) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the copy's read API did not fold in " + size + " entries within " + CATCH_UP_WITHIN
                            + " (it serves " + truce.ledger().size() + ")");
                }
                java.util.concurrent.locks.LockSupport.parkNanos(10_000_000); // the ledger's tailer folds them in; its pace
            }
        }

        @Override
        public void close() {
            if (app != null) app.stop();
            if (truce != null) truce.close();
            app = null;
            truce = null;
        }
    }
}
