package org.truce.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.truce.accounts.Role;
import org.truce.support.Reports;
import org.truce.support.TestNode;

/**
 * Sends every route a real request from every kind of caller and compares each answer with the
 * hand-written table in {@code src/test/resources/authz/matrix.txt}.
 */
class AuthorizationMatrixTest {
    private static final List<String> CALLERS = List.of("anon", "reporterA", "reporterB", "transcriber", "verifier",
            "analyst", "secretariat", "custodianA", "custodianB", "admin");
    private final AtomicInteger counter = new AtomicInteger();

    @TempDir
    Path dir;

    record Row(String method, String path, String body, List<Integer> expected, int line) {}

    @Test
    void every_route_answers_every_kind_of_caller_as_the_hand_written_table_says() throws IOException {
        try (TestNode node = TestNode.withDemo(dir)) {
            Map<String, String> tokens = callers(node);
            node.account("unhcr", "unhcr", "spare", Role.ANALYST);
            Map<String, String> fixture = fixtures(node, tokens);
            List<String> mismatches = new ArrayList<>();
            List<Row> rows = rows();
            for (Row row : rows) {
                String path = row.path();
                for (var f : fixture.entrySet()) path = path.replace(f.getKey(), f.getValue());
                for (int i = 0; i < CALLERS.size(); i++) {
                    String caller = CALLERS.get(i);
                    TestNode.Response r = node.send(request(node, row.method(), path, row.body(), tokens.get(caller), fixture));
                    if (r.status() != row.expected().get(i)) {
                        mismatches.add("line " + row.line() + ": " + row.method() + " " + row.path() + " as " + caller + ": expected "
                                + row.expected().get(i) + ", got " + r.status() + " " + abbreviate(r.body()));
                    }
                }
            }
            assertThat(mismatches).isEmpty();
            assertThat(rows).hasSize(149);
        }
    }

    @Test
    void the_table_names_every_registered_route_once() throws IOException {
        try (TestNode node = TestNode.withDemo(dir)) {
            List<String> inTable = rows().stream().map(AuthorizationMatrixTest::route).sorted().toList();
            List<String> registered = RouteRulesTest.endpoints(node.app).stream()
                    .map(e -> e.method.name() + " " + e.path).sorted().toList();
            assertThat(inTable).containsExactlyElementsOf(registered);
        }
    }

    /** The ids the table's paths and bodies name ({case}, {token}, …), made fresh on the node. */
    static Map<String, String> fixtures(TestNode node, Map<String, String> tokens) {
        return Map.of(
                "{case}", CaseFixtures.open(node, tokens.get("reporterA"), "Fixture Person One"),
                "{case2}", CaseFixtures.open(node, tokens.get("reporterA"), "Fixture Person Two"),
                "{token}", node.truce.accounts().createToken("spare", "to revoke", java.time.Duration.ofDays(5)).id(),
                "{geomA}", node.truce.map().versions("line-demarcation-proposal-a", Long.MAX_VALUE).get(0).version().id(),
                "{geomB}", node.truce.map().versions("line-demarcation-proposal-b", Long.MAX_VALUE).get(0).version().id(),
                "{report}", firstReport(node),
                "{feedback}", feedbackFixture(node),
                "{incident}", allege(node, 1), "{incident2}", allege(node, 2));
    }

    /** The route a row of the table names, as the application registers it ({@code POST /api/v1/cases/{id}/status}). */
    static String route(Row r) {
        return r.method() + " " + r.path().replaceAll("\\?.*", "")
                .replace("{case}", "{id}").replace("{case2}", "{id}").replace("{token}", "{id}")
                .replace("{report}", "{id}").replace("{feedback}", "{id}").replace("heritage-dadivank", "{id}").replace("/layers/zone", "/layers/{kind}")
                .replace("2021-01-11", "{date}").replace("/agreements/statement-2020-11-10", "/agreements/{id}")
                .replace("/groups/wg-trilateral-2021", "/groups/{id}").replace("/feeds/en.atom", "/feeds/{lang}.atom")
                .replace("1c1de000-0000-4000-8000-000000000001", "{id}");
    }

    /** A message sent from another address than the callers', so their own ten stay within the hourly limit. */
    private static String feedbackFixture(TestNode node) {
        var sent = node.truce.feedback().receive(new org.truce.feedback.Submission("2021-01-11", "question", "Fixture Reader",
                "reader@example.org", "Fixture question"), "192.0.2.1");
        return ((org.truce.feedback.FeedbackDesk.Outcome.Received) sent).id();
    }

    private static String firstReport(TestNode node) {
        for (var stored : node.truce.ledger().read(0, 1000)) {
            var entry = org.truce.ledger.EntryCodec.decode(stored.bytes());
            if (entry.type().equals("report.filed")) return entry.clientId();
        }
        throw new IllegalStateException("the demo has no report");
    }

    /** A fresh allegation (no workflow step yet) in the desk account's name, for the review forms. */
    private static String allege(TestNode node, int n) {
        String id = UUID.randomUUID().toString();
        String body = "{\"id\":\"" + id + "\",\"source\":\"anama\",\"date\":\"2021-02-0" + n + "\",\"timePrecision\":\"day\","
                + "\"location\":{\"lon\":46.9,\"lat\":39.85},\"geoPrecision\":\"near\",\"eventType\":\"Explosions/Remote violence\","
                + "\"subEventType\":\"Remote explosive/landmine/IED\",\"account\":\"Fixture " + n + "\","
                + "\"document\":{\"title\":\"Fixture " + n + "\",\"publisher\":\"ANAMA\"}}";
        TestNode.Response r = node.post("/api/v1/incidents", body);
        if (r.status() != 201) throw new IllegalStateException("fixture allegation refused: " + r.body());
        return id;
    }

    static Map<String, String> callers(TestNode node) {
        String jmc = "ru-tr-joint-monitoring-centre";
        Map<String, String> t = new LinkedHashMap<>();
        t.put("anon", null);
        t.put("reporterA", node.account("anama", "anama", "rep-a", Role.REPORTER));
        t.put("reporterB", node.account("icrc", "icrc", "rep-b", Role.REPORTER));
        t.put("transcriber", node.account("unhcr", "unhcr", "trans", Role.TRANSCRIBER));
        t.put("verifier", node.account("jmc", jmc, "veri", Role.VERIFIER));
        t.put("analyst", node.account("unhcr", "unhcr", "anal", Role.ANALYST));
        t.put("secretariat", node.account("jmc", jmc, "secr", Role.SECRETARIAT));
        t.put("custodianA", node.account("anama", "anama", "cust-a", Role.CUSTODIAN));
        t.put("custodianB", node.account("icrc", "icrc", "cust-b", Role.CUSTODIAN));
        t.put("admin", node.account("az-government", "az-government", "adm", Role.ADMIN));
        return t;
    }

    private HttpRequest request(TestNode node, String method, String path, String bodyName, String token, Map<String, String> fixture) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(node.base() + path));
        if (token != null) b.header("Authorization", "Bearer " + token);
        if (bodyName.equals("-")) return b.method(method, HttpRequest.BodyPublishers.noBody()).build();
        boolean form = bodyName.startsWith("form-");
        b.header("Content-Type", form ? "application/x-www-form-urlencoded" : bodyName.startsWith("csv-") ? "text/csv" : "application/json");
        String body = body(bodyName);
        for (var f : fixture.entrySet()) body = body.replace(f.getKey(), f.getValue());
        return b.method(method, HttpRequest.BodyPublishers.ofString(body)).build();
    }

    /**
     * A fresh, valid body of each kind: every caller's request would succeed if its rule let it. The
     * secretariat's writes speak in its own organisation's source's name (the joint monitoring centre).
     */
    String body(String name) {
        int n = counter.incrementAndGet();
        String uuid = UUID.randomUUID().toString();
        return switch (name) {
            case "form-signin" -> "username=someone&password=whatever-it-is&csrf=forged";
            case "form-token" -> "name=field-app-" + n + "&days=30";
            case "form-empty" -> "";
            case "form-feedback" -> "bulletin=2021-01-11&kind=question&name=Reader&email=reader%40example.org&text=Why&csrf=forged";
            case "form-decision" -> "status=answered&answer=Thank+you+" + n;
            case "feedback" -> "{\"bulletin\":\"2021-01-11\",\"kind\":\"question\",\"name\":\"Reader " + n
                    + "\",\"email\":\"reader" + n + "@example.org\",\"text\":\"Question " + n + "\"}";
            case "decision" -> "{\"status\":\"published\",\"answer\":\"Answer " + n + "\"}";
            case "wrong-signin" -> "{\"username\":\"nobody-" + n + "\",\"password\":\"not the password\"}";
            case "token" -> "{\"name\":\"field app " + n + "\",\"days\":30}";
            case "csv-anama" -> importCsv(n);
            case "form-import-anama" -> "commit=true&content=" + java.net.URLEncoder.encode(
                    java.util.Base64.getEncoder().encodeToString(importCsv(n).getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
            case "report-anama" -> Reports.valid(uuid).put("source", "anama").put("value", 1300 + n).toString();
            case "source" -> "{\"id\":\"src-" + n + "\",\"roles\":[\"media\"],\"partOf\":null,\"names\":{\"en\":\"Source " + n
                    + "\"},\"reportsOn\":[]}";
            case "metric" -> "{\"id\":\"metric_" + n + "\",\"unit\":\"items\",\"breakdowns\":[],\"names\":{\"en\":\"things " + n + "\"}}";
            case "place" -> "{\"id\":\"place-" + n + "\",\"kind\":\"settlement\",\"administration\":null,\"parent\":\"nk\","
                    + "\"names\":[{\"lang\":\"en\",\"name\":\"Place " + n + "\",\"usedBy\":[\"common\"]}],"
                    + "\"location\":{\"lat\":39.8,\"lon\":46.7},\"overlaps\":[]}";
            case "case-anama" -> CaseFixtures.body(uuid, "Matrix Person " + n);
            case "status-held" -> "{\"id\":\"" + uuid + "\",\"status\":\"held\",\"date\":\"2021-01-06\"}";
            case "erasure" -> "{\"id\":\"" + uuid + "\",\"basis\":\"request ref " + n + "\"}";
            case "body-key" -> "{\"body\":\"am-government\",\"key\":\"" + new org.truce.support.BodySigner("am-government").rawBase64() + "\"}";
            case "body-key-revocation" -> "{\"body\":\"am-government\",\"keyId\":\"00000000\",\"reason\":\"matrix " + n + "\"}";
            case "org" -> "{\"id\":\"org-" + n + "\",\"source\":\"unhcr\",\"name\":\"Org " + n + "\"}";
            case "user" -> "{\"org\":\"unhcr\",\"username\":\"user-" + n + "\",\"password\":\"a long enough password\",\"roles\":[\"analyst\"]}";
            case "feature" -> "{\"id\":\"feature-" + n + "\",\"kind\":\"point\",\"class\":\"post\",\"names\":[{\"lang\":\"en\","
                    + "\"name\":\"Post " + n + "\",\"usedBy\":[\"common\"]}],\"place\":null,\"illustrative\":true}";
            case "geometry-anama" -> "{\"id\":\"" + uuid + "\",\"feature\":\"hazard-aghdam-suspected-1\",\"wkt\":"
                    + "\"POLYGON ((46.90 39.95, 46.91 39.95, 46.91 39.96, 46.90 39.96, 46.90 39.95))\",\"validFrom\":\"2021-01-02\","
                    + "\"source\":\"anama\",\"document\":{\"title\":\"Survey " + n + "\",\"publisher\":\"ANAMA\"}}";
            case "status-anama" -> "{\"id\":\"" + uuid + "\",\"feature\":\"checkpoint-lachin-corridor\",\"status\":\"open\","
                    + "\"from\":\"2021-01-02\",\"source\":\"anama\",\"document\":{\"title\":\"Notice " + n + "\",\"publisher\":\"ANAMA\"}}";
            case "grant", "revoke" -> "{\"username\":\"spare\",\"role\":\"reporter\"}";
            case "admin-token" -> "{\"username\":\"spare\",\"name\":\"t" + n + "\",\"days\":10}";
            case "agreement" -> "{\"id\":\"agreement-" + n + "\",\"title\":\"Agreement " + n + "\",\"date\":\"2021-01-01\","
                    + "\"signatories\":[\"am-government\"],\"provisions\":[{\"number\":1,\"summary\":\"Point " + n + "\"}]}";
            case "agreement-version" -> "{\"id\":\"" + uuid + "\",\"agreement\":\"statement-2020-11-10\",\"lang\":\"ru\","
                    + "\"publisher\":\"ru-tr-joint-monitoring-centre\",\"attribution\":\"Version " + n + "\",\"points\":[{\"number\":1,\"text\":\"Text " + n + "\"}]}";
            case "obligation" -> "{\"id\":\"obligation-" + n + "\",\"agreement\":\"statement-2020-11-10\",\"provision\":5,"
                    + "\"who\":[\"ru-government\"],\"what\":\"Duty " + n + "\",\"deadline\":{\"date\":\"2021-01-01\"}}";
            case "accord-event" -> "{\"id\":\"event-" + n + "\",\"title\":\"Event " + n + "\",\"date\":\"2021-01-02\",\"source\":\"ru-tr-joint-monitoring-centre\"}";
            case "deadline-amendment" -> "{\"id\":\"" + uuid + "\",\"obligation\":\"obl-2021-p4-measures\",\"date\":\"2021-03-10\","
                    + "\"agreedOn\":\"2021-03-01\",\"basis\":\"Basis " + n + "\",\"source\":\"ru-tr-joint-monitoring-centre\"}";
            case "assessment-anama" -> "{\"id\":\"" + uuid + "\",\"obligation\":\"obl-2020-p8-exchange\",\"assessor\":\"anama\","
                    + "\"status\":1,\"date\":\"2021-01-05\",\"evidence\":{\"document\":{\"title\":\"Report " + n + "\",\"publisher\":\"ANAMA\"}}}";
            case "working-group" -> "{\"id\":\"group-" + n + "\",\"name\":\"Group " + n + "\",\"date\":\"2021-01-01\"}";
            case "meeting" -> "{\"id\":\"meeting-" + n + "\",\"title\":\"Meeting " + n + "\",\"date\":\"2021-01-02\",\"place\":\"Moscow\","
                    + "\"source\":\"ru-tr-joint-monitoring-centre\",\"participants\":[\"ru-government\"]}";
            case "task" -> "{\"id\":\"" + uuid + "\",\"task\":\"task-" + n + "\",\"group\":\"wg-trilateral-2021\",\"owner\":\"ru-government\","
                    + "\"what\":\"Task " + n + "\",\"status\":\"open\"}";
            case "remit-anama" -> "{\"id\":\"" + uuid + "\",\"group\":\"wg-trilateral-2021\",\"source\":\"anama\",\"claim\":\"Claim " + n + "\","
                    + "\"document\":{\"title\":\"Doc " + n + "\",\"publisher\":\"ANAMA\"}}";
            case "incident-anama" -> "{\"id\":\"" + uuid + "\",\"source\":\"anama\",\"date\":\"2021-02-01\",\"timePrecision\":\"day\","
                    + "\"location\":{\"lon\":46.9,\"lat\":39.85},\"geoPrecision\":\"near\",\"eventType\":\"Explosions/Remote violence\","
                    + "\"subEventType\":\"Remote explosive/landmine/IED\",\"account\":\"Account " + n + "\","
                    + "\"document\":{\"title\":\"Note " + n + "\",\"publisher\":\"ANAMA\"}}";
            case "claim-anama" -> "{\"id\":\"" + uuid + "\",\"incident\":\"1c1de000-0000-4000-8000-000000000003\",\"source\":\"anama\","
                    + "\"account\":\"Account " + n + "\",\"document\":{\"publisher\":\"ANAMA\"}}";
            case "step-noted" -> "{\"id\":\"" + uuid + "\",\"incident\":\"1c1de000-0000-4000-8000-000000000001\","
                    + "\"step\":\"noted_by_joint_body\",\"date\":\"2021-02-20\"}";
            case "link-demo" -> "{\"id\":\"" + uuid + "\",\"allegation\":\"1c1de000-0000-4000-8000-000000000002\","
                    + "\"incident\":\"1c1de000-0000-4000-8000-000000000001\"}";
            case "nil-anama" -> "{\"id\":\"" + uuid + "\",\"source\":\"anama\",\"zone\":\"zone-nkao-1988\",\"from\":\"2021-02-01\","
                    + "\"to\":\"" + java.time.LocalDate.of(2021, 2, 1).plusDays(n) + "\",\"document\":{\"publisher\":\"ANAMA\"}}"; // a period of its own: a repeat is a 409
            case "form-report-anama" -> "id=" + uuid + "&source=anama&metric=medical_assistance&place=nk&kind=total&value=" + n
                    + "&qualifier=exact&asOf=2021-01-20&asOfPrecision=day&attribution=Form+" + n
                    + "&document.title=Form+" + n + "&document.publisher=ANAMA";
            case "form-incident-anama" -> "id=" + uuid + "&source=anama&date=2021-02-01&timePrecision=day&location.lon=46.9"
                    + "&location.lat=39.85&geoPrecision=near&eventType=Explosions%2FRemote+violence"
                    + "&subEventType=Remote+explosive%2Flandmine%2FIED&account=Form+" + n + "&document.publisher=ANAMA";
            case "unit" -> "{\"id\":\"unit_" + n + "\",\"names\":{\"en\":\"{n, plural, one {# thing} other {# things}}\"}}";
            case "alias" -> "{\"kind\":\"place\",\"alias\":\"Fixture alias " + n + "\",\"id\":\"nk\"}";
            case "mapping" -> "{\"name\":\"mapping-" + n + "\",\"columns\":{\"value\":\"B\"}}";
            case "review-none" -> "{\"id\":\"" + uuid + "\",\"report\":\"" + UUID.randomUUID() + "\",\"decision\":\"confirmed\"}";
            case "text-ru" -> "{\"text\":\"За сутки вернулись 1 168 беженцев.\",\"lang\":\"ru\"}";
            case "form-extract" -> "text=" + java.net.URLEncoder.encode("As of January 11, 48,241 people returned.", java.nio.charset.StandardCharsets.UTF_8)
                    + "&document.date=2021-01-11";
            case "form-extract-accept" -> "text=x&id=" + uuid + "&metric=returnees";
            case "form-mapping" -> "name=desk-mapping-" + n + "&field.B=value&header.B=&locale=ru";
            case "form-review" -> "id=" + uuid + "&report=" + UUID.randomUUID() + "&decision=confirmed";
            case "form-retract" -> "id=" + uuid + "&retraction.reason=Fixture+" + n;
            case "form-publish" -> "date=2021-01-11";
            case "form-step" -> "id=" + uuid + "&incident={incident}&step=received&date=2021-02-05";
            case "form-link" -> "id=" + uuid + "&allegation={incident2}&incident={incident}&reason=same+event";
            case "publication" -> "{\"id\":\"matrix-publish-" + n + "\",\"date\":\"2021-01-12\"}";
            default -> throw new IllegalArgumentException("no body named " + name);
        };
    }

    /** A spreadsheet of one figure of anama's, citing its document (so that a transcriber may record it), dated by {@code n}. */
    private static String importCsv(int n) {
        return "metric,value,asOf,place,source,attribution,document.title,document.publisher\r\n"
                + "returnees," + (1000 + n) + "," + java.time.LocalDate.of(2021, 1, 1).plusDays(n) + ",nk,anama,Matrix figure " + n
                + ",Matrix bulletin,Matrix outlet\r\n";
    }

    static List<Row> rows() throws IOException {
        List<Row> rows = new ArrayList<>();
        try (InputStream in = AuthorizationMatrixTest.class.getResourceAsStream("/authz/matrix.txt")) {
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            for (int i = 0; i < lines.length; i++) {
                String line = lines[i].strip();
                if (line.isEmpty() || line.startsWith("#")) continue;
                String[] parts = line.split("\\|");
                String[] route = parts[0].trim().split("\\s+");
                List<Integer> expected = new ArrayList<>();
                for (String s : parts[2].trim().split("\\s+")) expected.add(Integer.parseInt(s));
                if (expected.size() != CALLERS.size()) throw new IllegalStateException("line " + (i + 1) + " needs " + CALLERS.size() + " answers");
                rows.add(new Row(route[0], route[1], parts[1].trim(), expected, i + 1));
            }
        }
        return rows;
    }

    private static String abbreviate(String s) {
        return s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }
}
