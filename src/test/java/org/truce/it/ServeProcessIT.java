package org.truce.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged application as a user runs it: {@code java -jar target/truce.jar serve --demo} in its
 * own process, over real HTTP. Also breaks it: a second server on the same directory, and a server
 * killed (SIGKILL) while clients are writing.
 */
class ServeProcessIT {
    static final Path JAR = Path.of("target/truce.jar");
    static final Pattern SERVING = Pattern.compile("on http://localhost:(\\d+)/");
    final HttpClient http = HttpClient.newHttpClient();
    final List<Process> started = new ArrayList<>();
    @TempDir
    Path dir;

    record Server(Process process, int port, List<String> output) {}

    @AfterEach
    void stop() {
        started.forEach(Process::destroyForcibly);
    }

    private ProcessBuilder truce(String... args) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-jar", JAR.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("TRUCE_ADMIN_TOKEN", "it-token-0123456789abcdef");
        return pb;
    }

    private Server serve() throws IOException {
        Process p = truce("serve", "--demo", "--port", "0", "--data", dir.toString()).start();
        started.add(p);
        List<String> lines = Collections.synchronizedList(new ArrayList<>());
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null) {
            lines.add(line);
            Matcher m = SERVING.matcher(line);
            if (m.find()) {
                Thread drain = new Thread(() -> out.lines().forEach(lines::add));
                drain.setDaemon(true);
                drain.start();
                return new Server(p, Integer.parseInt(m.group(1)), lines);
            }
        }
        throw new AssertionError("the server did not start: " + lines);
    }

    /** Runs {@code truce admin ...} on the data directory, with {@code stdin}; answers its output. */
    private String admin(String stdin, String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of("admin"));
        all.addAll(List.of(args));
        all.addAll(List.of("--data", dir.toString()));
        Process p = truce(all.toArray(String[]::new)).start();
        p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
        return out;
    }

    /** The README's steps for a field token: an account with a role, then a token for it. */
    private String fieldToken() throws Exception {
        admin("a long and secret password\n", "create-user", "--org", "unhcr", "--username", "it-desk", "--role", "transcriber",
                "--password-stdin");
        Matcher m = Pattern.compile("truce_[a-z2-7]+_[A-Za-z0-9_-]+").matcher(admin("", "token", "create", "--user", "it-desk",
                "--name", "integration test", "--days", "1"));
        assertThat(m.find()).isTrue();
        return m.group();
    }

    private HttpResponse<String> get(int port, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A value of its own for each id, so that no two reports repeat each other (the duplicate rule). */
    private static long distinctValue(String id) {
        return new java.math.BigInteger(id.replace("-", ""), 16).mod(java.math.BigInteger.valueOf(999_999_999_999_999L)).longValue() + 1;
    }

    /** Posts one increment with this id; answers the HTTP status. */
    private int postReport(int port, String id, String token) throws IOException, InterruptedException {
        String body = "{\"id\":\"" + id + "\",\"metric\":\"returnees\",\"kind\":\"increment\",\"value\":" + distinctValue(id) + ","
                + "\"asOf\":\"2021-02-01\",\"place\":\"nk\",\"source\":\"ru-peacekeepers\",\"attribution\":\"crash test\","
                + "\"document\":{\"title\":\"t\",\"publisher\":\"p\"}}";
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/reports"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    @Test
    void the_readme_flow_serves_the_demo_bulletin_in_english_and_russian() throws Exception {
        Server s = serve();
        HttpResponse<String> en = get(s.port(), "/api/v1/bulletins/2021-01-11");
        assertThat(en.statusCode()).isEqualTo(200);
        assertThat(en.body()).contains("48,241 people").contains("with the assistance of Russian peacekeepers");
        HttpResponse<String> ru = get(s.port(), "/api/v1/bulletins/2021-01-11?lang=ru");
        assertThat(ru.body()).contains("48\u00a0241 человек");
        assertThat(s.output()).anyMatch(l -> l.contains("There is no administrator yet"));
        // the environment's bootstrap token administers; it does not write reports
        HttpResponse<String> orgs = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + s.port() + "/api/v1/admin/orgs"))
                .header("Authorization", "Bearer it-token-0123456789abcdef").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(orgs.statusCode()).isEqualTo(200);
        assertThat(orgs.body()).contains("\"unhcr\"");
        assertThat(postReport(s.port(), "00000000-0000-4000-8000-000000000001", "it-token-0123456789abcdef")).isEqualTo(403);
        // a field token made with the CLI while the server runs is accepted at once
        assertThat(postReport(s.port(), "00000000-0000-4000-8000-000000000001", fieldToken())).isEqualTo(201);
    }

    @Test
    void a_second_server_on_the_same_data_directory_refuses_to_start_and_says_why() throws Exception {
        serve();
        Process second = truce("serve", "--port", "0", "--data", dir.toString()).start();
        started.add(second);
        assertThat(second.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String out = new String(second.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(second.exitValue()).isNotZero();
        assertThat(out).contains("Another Truce process is already using the data directory");
    }

    @Test
    void nothing_acknowledged_is_lost_when_the_server_is_killed_during_writes() throws Exception {
        Server s = serve();
        String token = fieldToken();
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService clients = Executors.newFixedThreadPool(4);
        for (int c = 0; c < 4; c++) {
            int client = c;
            clients.submit(() -> {
                for (int i = 0; !stop.get(); i++) {
                    String id = String.format("00000000-0000-4000-8%03d-%012d", client, i);
                    try {
                        int status = postReport(s.port(), id, token);
                        if (status == 201 || status == 200) acknowledged.add(id);
                    } catch (IOException e) {
                        return null; // the server died under us: this one was never acknowledged
                    }
                }
                return null;
            });
        }
        while (acknowledged.size() < 200) Thread.onSpinWait();
        s.process().destroyForcibly().waitFor();
        stop.set(true);
        clients.shutdown();
        assertThat(clients.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

        Server again = serve();
        for (String id : acknowledged) {
            // a retry of an acknowledged report must be recognised as already there (200, not 201)
            assertThat(postReport(again.port(), id, token)).as(id).isEqualTo(200);
        }
        again.process().destroy();
        again.process().waitFor();
        Path key = Files.createTempFile("truce-key", ".pub");
        Files.copy(dir.resolve("node-key.pub"), key, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Process verify = truce("verify", "--data", dir.toString(), "--public-key", key.toString()).start();
        String out = new String(verify.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(verify.waitFor()).as(out).isZero();
        assertThat(out).contains("OK:");
    }
}
