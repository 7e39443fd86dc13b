package org.truce.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code truce import figures FILE}: sends a CSV or XLSX spreadsheet of figures to a running node's
 * {@code POST /api/v1/imports} (a dry run unless {@code --commit}) and prints the preview: the counts,
 * then every error by row number and column letter. Exit 0 when every row is fine (and, with
 * {@code --commit}, recorded), 1 when any row has an error (nothing is written), 2 when the node
 * refused the upload as a whole.
 */
@Command(name = "figures", mixinStandardHelpOptions = true,
        description = "Check a CSV or XLSX file of figures against a running node, and with --commit record every row or none.")
final class ImportFigures implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Parameters(index = "0", description = "The CSV or XLSX file.")
    Path file;

    @Option(names = "--node", required = true, description = "The node's address, e.g. http://localhost:8080.")
    String node;

    @Option(names = "--token", description = "An API token of an account with the reporter or transcriber role"
            + " (default: the environment variable TRUCE_TOKEN).")
    String token;

    @Option(names = "--commit", description = "Record the rows (all or none); without it, a dry run.")
    boolean commit;

    @Option(names = "--locale", description = "The sheet's locale: en-GB, en-US, ru, hy, az, de (default: from its headers).")
    String locale;

    @Option(names = "--corrections", description = "A changed row corrects the report of its key.")
    boolean corrections;

    @Option(names = "--charset", description = "The CSV's character set (default: detected).")
    String charset;

    @Option(names = "--sheet", description = "The XLSX sheet to read (default: the first).")
    String sheet;

    @Option(names = "--mapping", description = "A saved column mapping, by name.")
    String mapping;

    @Option(names = "--source", description = "The source of every row without a source column.")
    String source;

    @Option(names = "--attribution", description = "The attribution of every row without an attribution column.")
    String attribution;

    @Option(names = "--document-title", description = "The title of the document every row without its own cites.")
    String documentTitle;

    @Option(names = "--document-publisher", description = "Its publisher.")
    String documentPublisher;

    @Option(names = "--document-date", description = "Its date.")
    String documentDate;

    @Option(names = "--document-url", description = "Its address.")
    String documentUrl;

    @Override
    public Integer call() throws IOException, InterruptedException {
        String bearer = token != null ? token : org.truce.settings.Settings.environment().value(org.truce.settings.Setting.TOKEN);
        if (bearer == null || bearer.isBlank()) throw new IllegalArgumentException("give --token or set TRUCE_TOKEN");
        HttpRequest request = HttpRequest.newBuilder(URI.create(node.replaceAll("/+$", "") + "/api/v1/imports" + query()))
                .timeout(Duration.ofMinutes(5))
                .header("Authorization", "Bearer " + bearer)
                .header("Content-Type", file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".xlsx")
                        ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv")
                .POST(HttpRequest.BodyPublishers.ofFile(file)).build();
        HttpResponse<String> r = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        JsonNode answer = r.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(r.body());
        if (!answer.has("rows")) {
            System.err.println(file.getFileName() + ": refused (" + r.statusCode() + "): " + answer.path("detail").asText(r.body()));
            for (JsonNode e : answer.path("errors")) System.err.println("  " + e.path("pointer").asText() + ": " + e.path("detail").asText());
            return 2;
        }
        print(answer);
        return answer.path("counts").path("error").asInt() == 0 && r.statusCode() == 200 ? 0 : 1;
    }

    private String query() {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("dryRun", String.valueOf(!commit));
        if (corrections) q.put("corrections", "true");
        put(q, "locale", locale);
        put(q, "charset", charset);
        put(q, "sheet", sheet);
        put(q, "mapping", mapping);
        put(q, "source", source);
        put(q, "attribution", attribution);
        put(q, "document.title", documentTitle);
        put(q, "document.publisher", documentPublisher);
        put(q, "document.date", documentDate);
        put(q, "document.url", documentUrl);
        StringBuilder s = new StringBuilder();
        q.forEach((k, v) -> s.append(s.length() == 0 ? "?" : "&").append(k).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return s.toString();
    }

    private static void put(Map<String, String> q, String name, String value) {
        if (value != null && !value.isBlank()) q.put(name, value);
    }

    private void print(JsonNode answer) {
        JsonNode c = answer.path("counts");
        String outcome = answer.path("committed").asBoolean() ? "recorded"
                : answer.path("dryRun").asBoolean() ? "dry run: nothing written" : "nothing written";
        System.out.println(file.getFileName() + ": " + c.path("rows").asInt() + " rows: " + c.path("new").asInt() + " new, "
                + c.path("unchanged").asInt() + " unchanged, " + c.path("correction").asInt() + " corrections, "
                + c.path("error").asInt() + " with errors (" + outcome + ")");
        JsonNode f = answer.path("file");
        System.out.println("  read as " + f.path("format").asText() + (f.has("charset") ? ", " + f.path("charset").asText() : "")
                + (f.has("delimiter") ? ", delimiter " + f.path("delimiter").asText() : "") + ", locale "
                + (f.path("locale").isNull() ? "unknown" : f.path("locale").asText()) + ", columns " + f.path("columns"));
        for (JsonNode row : answer.path("rows")) {
            for (JsonNode e : row.path("errors")) {
                System.out.println("  row " + e.path("row").asInt() + (e.path("column").isTextual() ? ", column " + e.path("column").asText() : "")
                        + (e.path("field").isTextual() ? " (" + e.path("field").asText() + ")" : "") + ": " + e.path("detail").asText());
            }
        }
    }
}
