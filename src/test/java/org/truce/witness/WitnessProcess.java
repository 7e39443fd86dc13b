package org.truce.witness;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.truce.cli.Main;
import org.truce.store.ChildJvm;
import org.truce.support.TestNode;

/**
 * A {@code truce witness} process of its own (a child JVM on the test classpath), on a free port it
 * reports; its stderr (the log) goes to {@code <data>.log}. Started by the constructor, which returns
 * once the witness listens; {@link #close} ends it (SIGTERM, then SIGKILL) and waits.
 */
final class WitnessProcess implements AutoCloseable {
    private static final Pattern LISTENING = Pattern.compile("is listening on (http://localhost:[0-9]+)/");
    private static final Pattern KEY = Pattern.compile("Witness verifier key: (\\S+)");

    final Path data;
    final String name;
    final URI url;
    final String verifierKey;
    private final Process process;
    private final List<String> output = Collections.synchronizedList(new ArrayList<>());

    WitnessProcess(Path data, String name, String logKey, String... more) throws IOException {
        this.data = data;
        this.name = name;
        List<String> args = new ArrayList<>(List.of("witness", "--log-key", logKey, "--data", data.toString(), "--name", name, "--port", "0"));
        args.addAll(List.of(more));
        Path log = data.resolveSibling(data.getFileName() + ".log");
        process = ChildJvm.of(log, Main.class, args.toArray(String[]::new)).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String key = null;
        URI listening = null;
        String line;
        while (listening == null && (line = out.readLine()) != null) {
            output.add(line);
            Matcher k = KEY.matcher(line);
            if (k.find()) key = k.group(1);
            Matcher m = LISTENING.matcher(line);
            if (m.find()) listening = URI.create(m.group(1));
        }
        if (listening == null || key == null) {
            close();
            throw new AssertionError("witness " + name + " did not start: " + output + "\n" + Files.readString(log));
        }
        Thread drain = new Thread(() -> out.lines().forEach(output::add));
        drain.setDaemon(true);
        drain.start();
        this.url = listening;
        this.verifierKey = key;
    }

    /** The line of {@code TRUCE_WITNESSES} for this witness. */
    String configLine() {
        return verifierKey + " " + url;
    }

    HttpResponse<String> addCheckpoint(String body) throws IOException, InterruptedException {
        return TestNode.HTTP.send(HttpRequest.newBuilder(url.resolve("/add-checkpoint"))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> checkpoint(String origin) throws IOException, InterruptedException {
        return TestNode.HTTP.send(HttpRequest.newBuilder(url.resolve("/" + CosignedCheckpoints.originHash(origin) + "/checkpoint")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The evidence files it has kept. */
    List<Path> evidence() throws IOException {
        Path dir = data.resolve("evidence");
        if (!Files.isDirectory(dir)) return List.of();
        try (var files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".txt")).sorted().toList();
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) process.destroyForcibly().waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Runs {@code truce args...} in a process of its own and answers its exit status and output. */
    static Result truce(Path errLog, String... args) throws IOException, InterruptedException {
        Process p = ChildJvm.of(errLog, Main.class, args).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(2, TimeUnit.MINUTES)) p.destroyForcibly();
        return new Result(p.exitValue(), out + Files.readString(errLog));
    }

    record Result(int code, String output) {}
}
