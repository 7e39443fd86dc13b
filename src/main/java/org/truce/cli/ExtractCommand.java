package org.truce.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.truce.extract.TextFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code truce extract FILE}: reads a .txt, .html or .docx file, sends its text to a running node's
 * {@code POST /api/v1/drafts/from-text} (the node's catalog and alias table decide places and sources)
 * and prints each proposed figure with the words it was read from and what the text left undecided,
 * then the sentences not understood. Writes nothing. Exit 0 when the node answered, 2 when it refused.
 */
@Command(name = "extract", mixinStandardHelpOptions = true,
        description = "Propose the figures of a .txt, .html or .docx text through a running node; nothing is written.")
final class ExtractCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Parameters(index = "0", description = "The text file (.txt, .html or .docx).")
    Path file;

    @Option(names = "--node", required = true, description = "The node's address, e.g. http://localhost:8080.")
    String node;

    @Option(names = "--token", description = "An API token of an account with the reporter or transcriber role (default: TRUCE_TOKEN).")
    String token;

    @Option(names = "--lang", description = "The text's language: en, ru, hy, az or de (default: told from the text).")
    String lang;

    @Option(names = "--document-title", description = "The title of the document the text is from.")
    String title;

    @Option(names = "--document-publisher", description = "Its publisher.")
    String publisher;

    @Option(names = "--document-date", description = "Its date (YYYY-MM-DD): \"yesterday\" and \"on Sunday\" are read against it.")
    String date;

    @Option(names = "--document-url", description = "Its address.")
    String url;

    @Option(names = "--json", description = "Print the node's answer as JSON instead.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        String bearer = token != null ? token : org.truce.settings.Settings.environment().value(org.truce.settings.Setting.TOKEN);
        if (bearer == null || bearer.isBlank()) throw new IllegalArgumentException("give --token or set TRUCE_TOKEN");
        String text = TextFiles.text(file.getFileName().toString(), Files.readAllBytes(file));
        ObjectNode body = JSON.createObjectNode().put("text", text);
        if (lang != null) body.put("lang", lang);
        if (publisher != null || title != null || date != null || url != null) {
            ObjectNode d = body.putObject("document");
            if (title != null) d.put("title", title);
            if (publisher != null) d.put("publisher", publisher);
            if (date != null) d.put("date", date);
            if (url != null) d.put("url", url);
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(node.replaceAll("/+$", "") + "/api/v1/drafts/from-text"))
                .timeout(Duration.ofMinutes(2)).header("Authorization", "Bearer " + bearer).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)).build();
        HttpResponse<String> r = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        JsonNode answer = r.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(r.body());
        if (r.statusCode() != 200) {
            System.err.println(file.getFileName() + ": refused (" + r.statusCode() + "): " + answer.path("detail").asText(r.body()));
            for (JsonNode e : answer.path("errors")) System.err.println("  " + e.path("pointer").asText() + ": " + e.path("detail").asText());
            return 2;
        }
        if (json) {
            System.out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(answer));
            return 0;
        }
        System.out.println(file.getFileName() + ": " + answer.path("proposals").size() + " figures proposed (language "
                + answer.path("lang").asText() + (answer.path("langDetected").asBoolean() ? ", told from the text" : "") + "); nothing written");
        int n = 0;
        for (JsonNode p : answer.path("proposals")) {
            System.out.printf("%n%d. %s %s %s (%s) as of %s, place %s, source %s%s   confidence %.2f%n", ++n, p.path("metric").asText(),
                    p.path("qualifier").asText(), p.path("value").asText(), p.path("kind").asText(), p.path("asOf").asText("?"),
                    p.path("place").asText("?"), p.path("source").isNull() ? "none named" : p.path("source").asText(),
                    p.path("breakdown").isEmpty() ? "" : ", breakdown " + p.path("breakdown"), p.path("confidence").asDouble());
            System.out.println("   \"" + p.path("quote").path("text").asText() + "\"");
            p.path("why").properties().forEach(e -> System.out.println("   " + e.getKey() + " <- " + e.getValue().asText()));
            if (!p.path("undecided").isEmpty()) System.out.println("   undecided: " + p.path("undecided"));
        }
        for (JsonNode u : answer.path("notUnderstood")) {
            System.out.println("\nnot understood " + u.path("numbers") + ": \"" + u.path("sentence").asText() + "\"");
        }
        return 0;
    }
}
