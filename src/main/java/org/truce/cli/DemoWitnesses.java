package org.truce.cli;

import io.javalin.Javalin;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.truce.ledger.Cosigner;
import org.truce.ledger.CosignerKey;
import org.truce.ledger.Ledger;
import org.truce.ledger.NoteVerifier;
import org.truce.web.WitnessServer;
import org.truce.witness.Witness;
import org.truce.witness.WitnessList;

/**
 * The demo's three witnesses, run beside its node on ports of their own (localhost, chosen free at
 * each start): named for three of the catalog's fictional bodies, so that the demo shows witnessing
 * without making a real body witness anything. Each keeps its key and its record of the log in
 * {@code <data>/demo-witnesses/<source>}; two of the three must cosign. Close once.
 */
public final class DemoWitnesses implements AutoCloseable {
    /** The catalog sources the demo's witnesses are named for (seed.json's illustrative bodies). */
    public static final List<String> SOURCES = List.of("party-a-illustrative", "party-b-illustrative", "monitor-illustrative");
    public static final int QUORUM = 2;
    static final String DIR = "demo-witnesses";

    private final List<Javalin> servers;
    private final WitnessList witnesses;

    private DemoWitnesses(List<Javalin> servers, WitnessList witnesses) {
        this.servers = servers;
        this.witnesses = witnesses;
    }

    /** Starts the three witnesses of the log of {@code ledger}, with their keys under {@code dataDir}. */
    public static DemoWitnesses start(Path dataDir, Ledger ledger) {
        NoteVerifier log = NoteVerifier.parse(ledger.verifierKey());
        List<Javalin> servers = new ArrayList<>();
        List<WitnessList.Known> known = new ArrayList<>();
        try {
            for (String source : SOURCES) {
                Path dir = dataDir.resolve(DIR).resolve(source);
                CosignerKey key = CosignerKey.loadOrCreate(dir, "demo.truce.example/witness/" + source);
                Javalin server = WitnessServer.create(new Witness(dir, key, List.of(log), Clock.systemUTC())).start("127.0.0.1", 0);
                servers.add(server);
                known.add(new WitnessList.Known(Cosigner.parse(key.verifierKey()), URI.create("http://127.0.0.1:" + server.port()), source));
            }
        } catch (RuntimeException e) {
            servers.forEach(Javalin::stop);
            throw e;
        }
        return new DemoWitnesses(servers, new WitnessList(known, QUORUM));
    }

    public WitnessList witnesses() {
        return witnesses;
    }

    @Override
    public void close() {
        servers.forEach(Javalin::stop);
    }
}
