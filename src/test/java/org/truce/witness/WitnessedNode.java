package org.truce.witness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.truce.app.Truce;
import org.truce.ledger.Cosigner;
import org.truce.ledger.NodeKey;
import org.truce.support.TestNode;

/**
 * Three witness processes, named for three bodies of the demo catalog, and the configuration of a node that asks them
 * (its {@code TRUCE_WITNESSES} file, quorum 2). The node's key is made first, in its data directory,
 * since the witnesses must know it before the node starts. Close to end the witnesses.
 */
final class WitnessedNode implements AutoCloseable {
    static final List<String> NAMES = List.of("witness.mediator.example", "witness.un.example", "witness.icrc.example");
    /** The catalog bodies (demo sources) that run them. */
    static final List<String> SOURCES = List.of("osce-minsk-group-co-chairs", "unhcr", "icrc");
    final Path nodeDir;
    final String nodeKey;
    final List<WitnessProcess> witnesses = new ArrayList<>();
    final Map<String, String> env;

    WitnessedNode(Path dir) throws IOException {
        nodeDir = dir.resolve("node");
        nodeKey = NodeKey.loadOrCreate(nodeDir, Truce.DEFAULT_ORIGIN).verifierKey();
        try {
            for (String name : NAMES) witnesses.add(new WitnessProcess(dir.resolve(name), name, nodeKey));
        } catch (IOException | RuntimeException | Error e) {
            close();
            throw e;
        }
        Path file = dir.resolve("witnesses.txt");
        Files.writeString(file, "# the node's witnesses: cosigner key, submission URL\n"
                + String.join("\n", witnesses.stream().map(w -> w.configLine() + " " + SOURCES.get(witnesses.indexOf(w))).toList()) + "\n");
        env = Map.of(WitnessList.FILE_ENV, file.toString(), WitnessList.QUORUM_ENV, "2");
    }

    TestNode start() {
        return new TestNode(nodeDir, null, true, env);
    }

    List<Cosigner> cosigners() {
        return witnesses.stream().map(w -> Cosigner.parse(w.verifierKey)).toList();
    }

    @Override
    public void close() {
        witnesses.forEach(WitnessProcess::close);
    }
}
