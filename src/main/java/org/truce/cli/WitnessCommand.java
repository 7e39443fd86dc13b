package org.truce.cli;

import io.javalin.Javalin;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.truce.ledger.CosignerKey;
import org.truce.ledger.NoteVerifier;
import org.truce.store.DataDirLock;
import org.truce.web.WitnessServer;
import org.truce.witness.LogPuller;
import org.truce.witness.Witness;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code truce witness}: a witness of one or more Truce logs (C2SP tlog-witness) on its own port, with
 * its key and its record of each log in its data directory; with {@code --log} it also pulls each
 * log's head on its own.
 */
@Command(name = "witness", mixinStandardHelpOptions = true,
        description = "Run a witness: cosign a log's checkpoints only when consistent with the last one cosigned, and keep evidence of any other.")
final class WitnessCommand implements Callable<Integer> {
    private static volatile boolean serving;

    @Option(names = "--log-key", required = true, paramLabel = "VKEY",
            description = "The verifier key of a log to witness (the text, or a file holding it); repeat for several logs.")
    List<String> logKeys;

    @Option(names = "--log", paramLabel = "URL", description = "The base URL of the log of the --log-key in the same position:"
            + " the witness then fetches its head and a consistency proof every --poll seconds. Without it, the witness only answers.")
    List<URI> logs;

    @Option(names = "--data", required = true, description = "The witness's directory: its key, its record of each log, the evidence it keeps.")
    Path data;

    @Option(names = "--name", defaultValue = "truce.local/witness", description = "The witness's name, as its key carries it (default ${DEFAULT-VALUE}).")
    String name;

    @Option(names = "--port", defaultValue = "8090", description = "HTTP port (default ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = "--poll", defaultValue = "10", paramLabel = "SECONDS", description = "How often to pull each --log (default ${DEFAULT-VALUE}).")
    long poll;

    private static NoteVerifier logKey(String argument) {
        try {
            return NoteVerifier.parse(KeyArgument.text(argument));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--log-key " + argument + ": " + e.getMessage(), e);
        }
    }

    static boolean serving() {
        return serving;
    }

    @Override
    public Integer call() {
        List<NoteVerifier> keys = logKeys.stream().map(WitnessCommand::logKey).toList();
        List<URI> pulled = logs == null ? List.of() : logs;
        if (pulled.size() > keys.size()) throw new IllegalArgumentException("each --log needs its --log-key, in the same order");
        if (poll < 1) throw new IllegalArgumentException("--poll must be at least 1 second, not " + poll);
        DataDirLock lock = DataDirLock.acquire(data);
        CosignerKey key = CosignerKey.loadOrCreate(data, name);
        Witness witness = new Witness(data, key, keys, Clock.systemUTC());
        Javalin app = WitnessServer.create(witness).start(port);
        List<LogPuller> pullers = new ArrayList<>();
        for (int i = 0; i < pulled.size(); i++) {
            LogPuller puller = new LogPuller(witness, pulled.get(i), keys.get(i).name());
            puller.start(Duration.ofSeconds(poll));
            pullers.add(puller);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            pullers.forEach(LogPuller::close);
            app.stop();
            lock.close();
        }));
        serving = true;
        System.out.println("Witness verifier key: " + witness.verifierKey());
        for (NoteVerifier k : keys) System.out.println("Witnessing " + k.name() + " (" + k.verifierKey() + ")");
        for (int i = 0; i < pulled.size(); i++) System.out.println("Pulling " + pulled.get(i) + " every " + poll + " s");
        System.out.println("Witness " + name + " is listening on http://localhost:" + app.port() + "/ (data in "
                + data.toAbsolutePath().normalize() + ")");
        return 0;
    }
}
