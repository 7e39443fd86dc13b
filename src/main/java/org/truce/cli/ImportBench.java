package org.truce.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.truce.accounts.Role;
import org.truce.app.Truce;
import org.truce.web.WebApp;

/**
 * {@code truce bench --imports}: a spreadsheet of N rows (Russian headers, locale numbers and dates)
 * sent over real HTTP to a fresh node's {@code POST /api/v1/imports}, timed as a dry run (read, map,
 * check every row) and as a commit (the same, then the write of every row through the reports path),
 * then sent again (every row unchanged); then a second file of new rows on the node now warm, since a
 * node serves for days and the first file also pays for the JVM's compilation (about 3 s of it here).
 * Wall-clock seconds of each request, as a client sees them.
 */
final class ImportBench {
    private static final List<String> METRICS = List.of("returnees", "medical_assistance", "explosive_objects_destroyed", "remains_recovered");
    private static final ObjectMapper JSON = new ObjectMapper();

    private ImportBench() {}

    static void run(Path dir, int rows) throws Exception {
        try (Truce truce = Truce.open(dir, Clock.systemUTC())) {
            truce.loadDemo();
            truce.accounts().createOrg("bench", "unhcr", "Bench");
            truce.accounts().createUser("bench", "bench", "a long bench password".toCharArray(), Set.of(Role.TRANSCRIBER));
            String token = truce.accounts().createToken("bench", "bench", Duration.ofHours(1)).text();
            Javalin app = WebApp.create(truce, null, null, name -> null).start(0);
            try {
                byte[] csv = csv(rows);
                String base = "http://localhost:" + app.port() + "/api/v1/imports?locale=ru&document.title="
                        + URLEncoder.encode("Bench bulletin", StandardCharsets.UTF_8) + "&document.publisher=Bench";
                System.out.printf("Truce import bench: %,d rows (%,d bytes of CSV), %d cores, max heap %d MiB%n", rows, csv.length,
                        Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
                time("dry run (read, map, check every row)", base + "&dryRun=true", csv, token, rows);
                long before = truce.ledger().size();
                time("commit (the same, then write every row)", base + "&dryRun=false", csv, token, rows);
                System.out.printf("  entries written: %,d%n", truce.ledger().size() - before);
                time("the same file again (every row unchanged)", base + "&dryRun=false", csv, token, rows);
                byte[] next = csv(rows, LocalDate.of(1960, 1, 1));
                System.out.println("  a second file of new rows, on the node now warm:");
                time("dry run", base + "&dryRun=true", next, token, rows);
                before = truce.ledger().size();
                time("commit", base + "&dryRun=false", next, token, rows);
                System.out.printf("  entries written: %,d%n", truce.ledger().size() - before);
            } finally {
                app.stop();
            }
        }
    }

    /** N rows of distinct keys: four metrics by consecutive days from 1995, values with spaces between thousands. */
    static byte[] csv(int rows) {
        return csv(rows, LocalDate.of(1995, 1, 1));
    }

    private static byte[] csv(int rows, LocalDate start) {
        StringBuilder s = new StringBuilder("Показатель;Значение;Дата;Место;Источник;Атрибуция\r\n");
        for (int i = 0; i < rows; i++) {
            LocalDate d = start.plusDays(i / METRICS.size());
            int value = 1_000 + i * 7;
            s.append(METRICS.get(i % METRICS.size())).append(';')
                    .append(String.format(java.util.Locale.ROOT, "%,d", value).replace(',', ' ')).append(';')
                    .append(String.format("%02d.%02d.%d", d.getDayOfMonth(), d.getMonthValue(), d.getYear())).append(';')
                    .append("Нагорный Карабах;УВКБ ООН;По данным УВКБ ООН, строка ").append(i + 2).append("\r\n");
        }
        return s.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void time(String what, String url, byte[] csv, String token, int rows) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(10))
                .header("Authorization", "Bearer " + token).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofByteArray(csv)).build();
        long t0 = System.nanoTime();
        HttpResponse<String> r = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        double s = (System.nanoTime() - t0) / 1e9;
        JsonNode counts = JSON.readTree(r.body()).path("counts");
        System.out.printf("  %-45s %6.2f s  (%,.0f rows/s)  HTTP %d  %s%n", what, s, rows / s, r.statusCode(), counts);
    }
}
