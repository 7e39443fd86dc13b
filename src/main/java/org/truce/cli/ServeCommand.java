package org.truce.cli;

import io.javalin.Javalin;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.truce.app.AdminToken;
import org.truce.app.Truce;
import org.truce.ingest.DemoDataset;
import org.truce.web.WebApp;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "serve", mixinStandardHelpOptions = true, description = "Run the HTTP API on an embedded SQLite store.")
final class ServeCommand implements Callable<Integer> {
    private static volatile boolean serving;

    @Option(names = "--port", defaultValue = "8080", description = "HTTP port (default ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--data", defaultValue = "./truce-data", description = "Data directory (default ${DEFAULT-VALUE}).")
    Path data;

    @Option(names = "--demo", description = "Load the demo dataset when the store is empty.")
    boolean demo;

    static boolean serving() {
        return serving;
    }

    @Override
    public Integer call() {
        Truce truce;
        try (ReplayBar bar = new ReplayBar()) {
            truce = Truce.open(data, Clock.systemUTC(), bar);
        }
        if (demo && truce.ledger().size() == 0) {
            int n = DemoDataset.load(truce.recorder());
            System.out.println("Loaded the demo dataset: " + n + " entries.");
        }
        AdminToken.Resolved token = AdminToken.resolve(data, System.getenv(AdminToken.ENV));
        Javalin app = WebApp.create(truce, token.token()).start(port);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.stop();
            truce.close();
        }));
        serving = true;
        System.out.println("Truce is serving " + truce.ledger().size() + " ledger entries from "
                + data.toAbsolutePath().normalize() + " on http://localhost:" + app.port() + "/");
        if (token.created()) {
            System.out.println("Admin token for writes (kept in " + token.origin() + "): " + token.token());
        } else {
            System.out.println("Admin token for writes: from " + token.origin());
        }
        System.out.println("Node verifier key: " + truce.ledger().verifierKey());
        return 0;
    }
}
