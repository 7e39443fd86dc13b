package org.truce.cli;

import org.truce.settings.Setting;
import org.truce.settings.Settings;
import io.javalin.Javalin;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.truce.app.Truce;
import org.truce.store.PostgisLayers;
import org.truce.web.WebApp;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "serve", mixinStandardHelpOptions = true, description = "Run the HTTP API on an embedded SQLite store, or as one of several nodes on PostgreSQL.")
final class ServeCommand implements Callable<Integer> {
    private static volatile boolean serving;

    @Option(names = "--port", defaultValue = "8080", description = "HTTP port (default ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--data", defaultValue = "./truce-data", description = "Data directory (default ${DEFAULT-VALUE}).")
    Path data;

    @Option(names = "--db", description = "The shared ledger and private stores in PostgreSQL, postgresql://user@host:port/db (default: SQLite in the data directory).")
    String db;

    @Option(names = "--demo", description = "Load the demo dataset when the store is empty.")
    boolean demo;

    @Option(names = "--postgis-layers", description = "Keep the PostGIS map layers (schema truce_gis, for QGIS) of this database current:"
            + " postgresql://[user[:password]@]host[:port]/database. Rebuilt from the ledger at start, then updated as map entries arrive."
            + " Default with --db: the layers of that database, when it offers PostGIS.")
    String postgisLayers;

    @Option(names = "--no-postgis-layers", description = "Keep no PostGIS map layers (with --db they are kept by default).")
    boolean noPostgisLayers;

    /** An admin API token for automation; never logged, compared in constant time. */
    static final String BOOTSTRAP_ENV = Setting.ADMIN_TOKEN.variable;

    /** There is no default password anywhere: the operator creates the first administrator once. */
    private void firstAdministrator(Truce truce) {
        // with --db the accounts are in the shared database (the password of the URL is not printed)
        String dir = db == null ? data.toString() : data + " --db " + db.replaceAll("(://[^:/@]*):[^@/]*@", "$1:***@");
        var orgs = truce.accounts().organisations();
        System.out.println("There is no administrator yet. Create the first one (this is shown until one exists):");
        if (orgs.isEmpty()) {
            System.out.println("  ./truce admin create-org --data " + dir + " --id <org-id> --source <source-id> --name '<name>'");
        } else {
            System.out.println("  (organisations: " + String.join(", ", orgs.stream().map(o -> o.id()).toList()) + ")");
        }
        System.out.println("  ./truce admin create-user --data " + dir + " --org <org-id> --username <you> --role admin");
    }

    static boolean serving() {
        return serving;
    }

    @Override
    public Integer call() {
        Settings settings = Settings.environment();
        WebApp.checkEnvironment(settings); // a misconfigured node stops before it opens or writes anything
        Truce truce;
        PostgisLayers layers = ServeLayers.choose(db, postgisLayers, noPostgisLayers, System.out);
        try (ReplayBar bar = new ReplayBar()) {
            truce = Truce.open(data, db, Clock.systemUTC(), bar, layers == null ? java.util.List.of() : java.util.List.of(layers));
        }
        if (layers != null) {
            layers.rebuild(truce.ledger());
            System.out.println("PostGIS map layers rebuilt in schema truce_gis; kept current as map entries arrive.");
        }
        // the demo's own witnesses, unless the operator names witnesses; started before the demo loads, so its publications record them
        DemoWitnesses demoWitnesses = null;
        if (demo && org.truce.witness.WitnessList.configured(settings.byName()).witnesses().isEmpty()) {
            demoWitnesses = DemoWitnesses.start(data, truce.ledger());
            truce.witnessedBy(demoWitnesses.witnesses());
        }
        if (demo && truce.ledger().size() == 0) {
            int n = truce.loadDemo();
            System.out.println("Loaded the demo dataset: " + n + " entries, " + truce.accounts().organisations().size() + " organisations.");
        }
        String bootstrap = settings.value(Setting.ADMIN_TOKEN);
        Javalin app = WebApp.create(truce, bootstrap == null ? null : bootstrap.trim(), settings.value(Setting.METRICS_TOKEN),
                settings).start(port);
        DemoWitnesses started = demoWitnesses;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.stop();
            truce.close();
            if (started != null) started.close();
            if (layers != null) layers.close();
        }));
        serving = true;
        System.out.println("Truce is serving " + truce.ledger().size() + " ledger entries from "
                + data.toAbsolutePath().normalize() + " on http://localhost:" + app.port() + "/");
        if (bootstrap != null) System.out.println(BOOTSTRAP_ENV + " is set: it acts as an admin API token.");
        if (!truce.accounts().hasAdmin()) firstAdministrator(truce);
        System.out.println("Node verifier key: " + truce.ledger().verifierKey());
        var witnesses = truce.cosigning().witnesses();
        if (!witnesses.witnesses().isEmpty()) {
            System.out.println("Asking " + witnesses.witnesses().size() + " witnesses to cosign each head (quorum "
                    + witnesses.quorum() + "): " + String.join(", ", witnesses.witnesses().stream().map(w -> w.name()).toList()));
        }
        return 0;
    }
}
