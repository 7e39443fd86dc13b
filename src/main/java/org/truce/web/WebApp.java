package org.truce.web;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.security.SecureRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.truce.app.Truce;
import org.truce.audit.AuditTrail;
import org.truce.record.Violation;
import org.truce.ledger.HeadSigner;
import org.truce.ledger.StoreFailure;
import java.util.List;
import java.util.function.Supplier;

/**
 * The HTTP application: routes of the JSON API under {@code /api/v1}, one exception mapper that
 * renders every error as RFC 9457 problem details. Built by {@link #create}; started by the caller.
 */
public final class WebApp {
    private static final Logger LOG = LoggerFactory.getLogger(WebApp.class);
    public static final String API = "/api/v1";

    private WebApp() {}

    /**
     * Checks the settings {@link #create} reads from the environment.
     *
     * @throws IllegalArgumentException naming the setting and its bad value
     */
    public static void checkEnvironment(java.util.function.Function<String, String> env) {
        WebSettings.from(env);
    }

    /**
     * @param bootstrapToken {@code TRUCE_ADMIN_TOKEN} (an admin API token for automation), or null
     */
    public static Javalin create(Truce truce, String bootstrapToken) {
        return create(truce, bootstrapToken, System.getenv(HealthRoutes.METRICS_TOKEN_ENV));
    }

    /**
     * @param bootstrapToken {@code TRUCE_ADMIN_TOKEN} (an admin API token for automation), or null
     * @param metricsToken   {@code TRUCE_METRICS_TOKEN} (the bearer token Prometheus scrapes {@code /metrics} with), or null
     */
    public static Javalin create(Truce truce, String bootstrapToken, String metricsToken) {
        return create(truce, bootstrapToken, metricsToken, System::getenv);
    }

    /**
     * @param env the settings read besides the tokens ({@code TRUCE_PUBLIC_URL}, {@code TRUCE_PUBLIC_DRAFTS},
     *            {@code TRUCE_AUDIT_QUOTA_BYTES}); the
     *            process environment in production, a map in tests
     */
    public static Javalin create(Truce truce, String bootstrapToken, String metricsToken,
                                 java.util.function.Function<String, String> env) {
        return assemble(truce, bootstrapToken, WebSettings.from(env).withMetricsToken(metricsToken));
    }

    /**
     * The read API of a mirror's copy of another node's log ({@link Truce#openMirror}): the same routes and
     * pages as a node's, every write refused with 405 {@code mirror_read_only} naming the log, and
     * {@code /health/ready} not ready while {@code alarms} names any.
     *
     * @param logUrl    the log this mirror follows, named in the refusals
     * @param publicUrl the address the log's readers reach it at (its check links), so that the mirror's
     *                  bulletins print the log's links
     * @param alarms    what the mirror found wrong, one sentence each; empty while all is well
     */
    public static Javalin createMirror(Truce truce, String logUrl, String publicUrl, Supplier<List<String>> alarms,
                                       String metricsToken, java.util.function.Function<String, String> env) {
        // the log's check link in the bulletins; no witnesses: a mirror signs and publishes nothing
        java.util.function.Function<String, String> mirrorEnv = name -> switch (name) {
            case "TRUCE_PUBLIC_URL" -> publicUrl;
            case "TRUCE_WITNESSES", "TRUCE_WITNESS_QUORUM" -> null;
            default -> env.apply(name);
        };
        WebSettings settings = WebSettings.from(mirrorEnv).withMetricsToken(metricsToken);
        return assemble(truce, null, settings, new Mirroring(logUrl, alarms));
    }

    /** A mirror's difference from a node: the log it copies, and what it found wrong. */
    private record Mirroring(String logUrl, Supplier<List<String>> alarms) {
        void refuseWrites(Context ctx) {
            String method = ctx.method().name();
            if (method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS")) return;
            ctx.header("Allow", "GET, HEAD");
            throw new Problem(ErrorCode.MIRROR_READ_ONLY, "this node is a read-only mirror of " + logUrl
                    + "; send " + method + " " + ctx.path() + " to that node");
        }
    }

    /** The application on {@code settings}, read once from the environment ({@link WebSettings}). */
    static Javalin assemble(Truce truce, String bootstrapToken, WebSettings settings) {
        return assemble(truce, bootstrapToken, settings, null);
    }

    private static Javalin assemble(Truce truce, String bootstrapToken, WebSettings settings, Mirroring mirroring) {
        var health = new HealthRoutes(truce.ledger(), truce.clock(), truce.metrics(), settings.metricsToken(), settings.maxLag(),
                mirroring == null ? List::of : mirroring.alarms());
        var sessions = new Sessions(truce.sessions(), new SecureRandom(), truce.clock());
        var trail = new AuditTrail(truce.audit(), truce.clock(), settings.auditQuota());
        truce.metrics().watch(trail);
        var guard = new Guard(truce.accounts(), sessions, bootstrapToken, trail);
        var writes = new WriteRequest(truce.attribution(), trail, settings.fourEyes(), truce.accounts());
        var pages = new Pages(guard);
        var reads = new ReadRoutes(truce.figures(), truce.ledger(), truce.clock(), truce.map());
        var reportList = new ReportRoutes(truce.figures(), truce.ledger());
        var figures = new FigureRoutes(truce.recorder(), writes, reads, reportList, new IntakeReaders(truce.figures(), truce.ledger()));
        if (!settings.witnesses().witnesses().isEmpty()) truce.witnessedBy(settings.witnesses());
        var ledger = new LedgerRoutes(truce.ledger(), truce::cosigning);
        var drafts = settings.drafts();
        var bulletins = new BulletinRoutes(truce.issues(), truce.printShop(), truce.ledger(), truce.figures(), truce.map(),
                settings.publicUrl(), guard, drafts);
        var account = new AccountRoutes(truce.accounts(), sessions, trail, pages, settings.cookieSecure());
        var admin = new AdminRoutes(truce.accounts(), truce.figures(), trail);
        var bodyKeys = new BodyKeyRoutes(truce.bodyKeyRecorder(), truce.ledger().bodyKeys(), writes);
        var cases = new CaseRoutes(truce.cases(), truce.caseRecorder(), writes, trail);
        var audit = new AuditRoutes(truce.audit());
        var incidents = new IncidentRoutes(truce.incidents(), writes, truce.ledger());
        var map = new MapRoutes(truce.map(), truce.mapRecorder(), truce.mapReader(), truce.figures(), truce.ledger(), writes, truce.clock());
        var feedback = new FeedbackRoutes(truce.feedback(), pages, sessions, settings.cookieSecure());
        var publications = new PublicationRoutes(truce.publisher(), truce.publications(), writes);
        var publicPages = new PublicPages(pages, truce.issues(), truce.publications(), truce.ledger(), guard, drafts);
        var accords = new AccordRoutes(truce.tracker(), truce.accordRecorder(), truce.ledger(), writes, truce.clock());
        var everything = everything(truce, reads, reportList, accords, incidents, publications);
        var clientAddress = settings.clientAddress();
        var limits = settings.limits();
        return Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            limits.install(config, clientAddress);
            config.contextResolver.ip = clientAddress::of;
            config.http.maxRequestSize = Json.MAX_BODY;
            config.requestLogger.http(health::record);
            config.events.serverStopped(trail::close); // the refusal counts still open go on record
            // Our scripts and styles, and the maintained libraries' files from their webjars: no CDN.
            // Guard runs before static files too: they are declared public like any route.
            config.staticFiles.add(files -> {
                files.hostedPath = "/assets";
                files.directory = "/public/assets";
                files.location = io.javalin.http.staticfiles.Location.CLASSPATH;
                files.roles = java.util.Set.of(Access.PUBLIC);
            });
            config.staticFiles.add(files -> {
                files.hostedPath = "/webjars";
                files.directory = "META-INF/resources/webjars";
                files.location = io.javalin.http.staticfiles.Location.CLASSPATH;
                files.roles = java.util.Set.of(Access.PUBLIC);
                files.headers = java.util.Map.of("Cache-Control", "max-age=31622400");
            });
            var r = config.routes;
            r.before(SecurityHeaders::apply);
            if (mirroring != null) r.before(mirroring::refuseWrites);
            r.beforeMatched(guard::check);
            // Every route declares its one access rule here (Access); RouteRulesTest checks that none is missing.
            // before the public pages, whose /bulletins/{date} would also match 2021-01-11.pdf
            r.get("/bulletins/{date}.pdf", bulletins::pdfPage, Access.PUBLIC);
            publicPages.routes(r);
            new CheckPage(truce.ledger(), pages, lang -> checkPageWitnesses(truce, lang)).routes(r);
            new MapPage(truce.map(), truce.figures(), truce.ledger(), pages, truce.clock(), settings.tiles()).routes(r);
            new FiguresPage(truce.figures(), truce.ledger(), pages, truce.clock()).routes(r);
            new IncidentsPage(truce.incidents(), truce.figures(), truce.ledger(), pages).routes(r);
            r.get("/signin", account::signInPage, Access.PUBLIC);
            r.post("/signin", account::signInForm, Access.PUBLIC);
            r.get("/account", account::accountPage, Access.SIGNED_IN);
            r.post("/account/tokens", account::tokenForm, Access.SIGNED_IN);
            r.post("/signout", account::signOut, Access.SIGNED_IN);
            r.get(API + "/openapi.json", WebApp::openApi, Access.PUBLIC);
            r.get("/health/live", health::live, Access.PUBLIC);
            r.get("/health/ready", health::ready, Access.PUBLIC);
            // public at the guard: the handler asks for the scrape token, which is no account's
            r.get("/metrics", health::metrics, Access.PUBLIC);
            r.post(API + "/session", account::signInJson, Access.PUBLIC);
            r.delete(API + "/session", account::signOut, Access.SIGNED_IN);
            r.get(API + "/me", account::me, Access.SIGNED_IN);
            r.post(API + "/me/tokens", account::tokenJson, Access.SIGNED_IN);
            // each capability's route group registers its writes (through the one write path) and reads
            figures.routes(r);
            publications.routes(r);
            cases.writeRoutes(r);
            map.writeRoutes(r);
            accords.writeRoutes(r);
            incidents.writeRoutes(r);
            r.get(API + "/ledger/head", ledger::head, Access.PUBLIC);
            r.get(API + "/ledger/checkpoint", ledger::checkpoint, Access.PUBLIC);
            r.get(API + "/ledger/key", ledger::key, Access.PUBLIC);
            r.get(API + "/ledger/entries", ledger::entries, Access.PUBLIC);
            r.get(API + "/ledger/proof", ledger::proof, Access.PUBLIC);
            r.get(API + "/ledger/consistency", ledger::consistency, Access.PUBLIC);
            r.get(API + "/bulletins/{date}", bulletins::bulletin, Access.PUBLIC);
            r.get(API + "/cases", cases::list, Access.RECORD_READER);
            r.get(API + "/cases/{id}", cases::one, Access.RECORD_READER);
            r.get(API + "/cases/{id}/personal", cases::personal, Access.CUSTODIAN);
            r.get(API + "/audit", audit::list, Access.AUDIT_READER);
            r.get(API + "/features", map::features, Access.PUBLIC);
            r.get(API + "/features/{id}", map::feature, Access.PUBLIC);
            r.get(API + "/layers/{kind}", map::layer, Access.PUBLIC);
            r.get(API + "/map/containing", map::containing, Access.PUBLIC);
            r.get(API + "/map/within", map::within, Access.PUBLIC);
            r.get(API + "/map/nearest", map::nearest, Access.PUBLIC);
            r.get(API + "/map/compare", map::compare, Access.PUBLIC);
            r.get(API + "/map/land-release", map::landRelease, Access.PUBLIC);
            r.get(API + "/reports/{id}/zones", map::zonesOfReport, Access.PUBLIC);
            r.get(API + "/basemap/countries", WebApp::countries, Access.PUBLIC);
            r.post(API + "/admin/orgs", admin::createOrg, Access.ADMIN);
            r.get(API + "/admin/orgs", admin::orgs, Access.ADMIN);
            r.post(API + "/admin/users", admin::createUser, Access.ADMIN);
            r.get(API + "/admin/users", admin::users, Access.ADMIN);
            r.post(API + "/admin/grants", admin::grant, Access.ADMIN);
            r.post(API + "/admin/revocations", admin::revoke, Access.ADMIN);
            r.post(API + "/admin/tokens", admin::createToken, Access.ADMIN);
            r.delete(API + "/admin/tokens/{id}", admin::revokeToken, Access.ADMIN);
            bodyKeys.routes(r);
            r.get(API + "/agreements", CsvTables.csv(accords::listAgreements, Tables.AGREEMENTS), Access.PUBLIC);
            r.get(API + "/obligations", CsvTables.csv(accords::listObligations, Tables.OBLIGATIONS), Access.PUBLIC);
            r.get(API + "/obligations/overdue", CsvTables.csv(accords::overdue, Tables.OVERDUE), Access.PUBLIC);
            r.get(API + "/obligations/upcoming", CsvTables.csv(accords::upcoming, Tables.UPCOMING), Access.PUBLIC);
            r.get(API + "/assessments", CsvTables.csv(accords::listAssessments, Tables.ASSESSMENTS), Access.PUBLIC);
            r.get(API + "/working-groups", CsvTables.csv(accords::listGroups, Tables.GROUPS), Access.PUBLIC);
            r.get(API + "/meetings", CsvTables.csv(accords::listMeetings, Tables.MEETINGS), Access.PUBLIC);
            r.get(API + "/incidents", CsvTables.csv(incidents::list, Tables.INCIDENTS), Access.PUBLIC);
            r.get(API + "/incidents/duplicates", incidents::duplicates, Access.PUBLIC);
            r.get(API + "/incidents/counts", incidents::counts, Access.PUBLIC);
            r.get(API + "/incidents/export.csv", incidents::export, Access.PUBLIC);
            r.get(API + "/incidents/{id}", incidents::one, Access.PUBLIC);
            r.get(API + "/nil-reports", CsvTables.csv(incidents::nilReports, Tables.NIL_REPORTS), Access.PUBLIC);
            r.get(API + "/exports/everything.zip", everything::zip, Access.PUBLIC);
            feedback.routes(r);
            var importer = new Importer(truce, figures);
            new ImportRoutes(importer).routes(r);
            new ExtractRoutes(truce).routes(r);
            new DeskPages(truce, pages, figures, incidents, publications, importer).routes(r);
            r.exception(Guard.Redirect.class, (e, ctx) -> ctx.redirect(e.location, io.javalin.http.HttpStatus.SEE_OTHER));
            r.exception(Problem.class, (e, ctx) -> answer(ctx, e, pages));
            r.exception(HeadSigner.Unsigned.class, (e, ctx) ->
                    answer(ctx, new Problem(ErrorCode.NOT_FOUND, e.getMessage()), pages));
            r.exception(IllegalArgumentException.class, (e, ctx) ->
                    problem(ctx, new Problem(ErrorCode.BAD_PARAMETER, e.getMessage())));
            r.exception(StoreFailure.class, (e, ctx) -> {
                // the cause is logged, never answered: store messages may carry SQL, addresses or paths
                LOG.error("store failure on {} {}", ctx.method(), ctx.path(), e);
                answer(ctx, new Problem(ErrorCode.UNAVAILABLE, "the store failed; nothing of this request was acknowledged"), pages);
            });
            r.exception(Exception.class, (e, ctx) -> {
                if (SlowBodies.timedOut(e)) {
                    problem(ctx, new Problem(ErrorCode.REQUEST_TIMEOUT, "the request body did not arrive in time; nothing was written"));
                    return;
                }
                if (unreadableBody(e)) {
                    // e.g. a multipart body without its parts: the client's fault, reported by Jetty while reading form fields
                    problem(ctx, new Problem(ErrorCode.MALFORMED_BODY, "the request body is not valid " + ctx.contentType(),
                            java.util.List.of(new Violation("", "cannot be read as " + ctx.contentType()))));
                    return;
                }
                LOG.error("unhandled error on {} {}", ctx.method(), ctx.path(), e);
                ObjectNode n = Json.object().put("type", "about:blank").put("title", "Internal error").put("status", 500)
                        .put("detail", "the server failed; nothing of this request was acknowledged");
                ctx.status(500).contentType("application/problem+json").result(n.toString());
            });
            r.error(404, "*", ctx -> {
                // Javalin's own "Endpoint … not found" (no route matched) is replaced; our handlers' 404s are kept
                String result = ctx.result();
                if (result == null || result.isEmpty() || result.startsWith("Endpoint " + ctx.method() + " ")) {
                    answer(ctx, new Problem(ErrorCode.NOT_FOUND, "no route " + ctx.method() + " " + ctx.path()), pages);
                }
            });
        });
    }

    /** The node's witnesses as the check page offers them to a reader, each labelled with its name. */
    private static CheckPage.Witnessing checkPageWitnesses(Truce truce, String lang) {
        org.truce.witness.WitnessList witnesses = truce.cosigning().witnesses();
        long size = truce.ledger().size();
        return new CheckPage.Witnessing(witnesses.witnesses().stream()
                .map(w -> new CheckPage.Witnessing.Witness(w.source() == null ? w.name()
                        : truce.figures().source(w.source(), size).map(s -> s.name(lang)).orElse(w.name()), w.cosigner().verifierKey()))
                .toList(), witnesses.quorum());
    }

    /** Whether Jetty refused to read the request's body (its {@code BadMessageException}, a 4xx, anywhere in the causes). */
    private static boolean unreadableBody(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.eclipse.jetty.http.BadMessageException bad && bad.getCode() / 100 == 4) return true;
        }
        return false;
    }

    /**
     * A refusal as a page for a browser asking for a page (outside the API), else as problem details.
     * The page says the same as the problem: the status in the reader's language, the detail, the fields.
     */
    static void answer(Context ctx, Problem p, Pages pages) {
        String accept = ctx.header("Accept");
        boolean browser = !ctx.path().startsWith(API) && accept != null && accept.contains("text/html");
        if (browser && p.code() != ErrorCode.UNAUTHORIZED && p.code() != ErrorCode.BAD_PARAMETER) {
            retryAfter(ctx, p);
            try {
                pages.page(ctx, p.code().status(), "error.jte", Pages.params("status", p.code().status(), "detail", p.getMessage(),
                        "errors", p.errors()));
                return;
            } catch (Problem unreadable) {
                // e.g. an unknown ?lang: no page can be made, so the refusal goes out as problem details
            }
        }
        problem(ctx, p);
    }

    static void problem(Context ctx, Problem p) {
        ObjectNode n = Json.object();
        n.put("type", p.code().type());
        n.put("title", p.code().title());
        n.put("status", p.code().status());
        n.put("detail", p.getMessage());
        n.put("code", p.code().name().toLowerCase(java.util.Locale.ROOT));
        ArrayNode errors = n.putArray("errors");
        for (Violation v : p.errors()) errors.addObject().put("pointer", v.pointer()).put("detail", v.detail());
        if (p.members() != null) p.members().properties().forEach(m -> n.putIfAbsent(m.getKey(), m.getValue()));
        if (p.code() == ErrorCode.UNAUTHORIZED) ctx.header("WWW-Authenticate", "Bearer");
        retryAfter(ctx, p);
        ctx.status(p.code().status()).contentType("application/problem+json").result(n.toString());
    }

    /** Throttled callers wait out their window; a store outage is usually short (a restart, a failover). */
    private static void retryAfter(Context ctx, Problem p) {
        if (ctx.res().getHeader("Retry-After") != null) return;
        if (p.code() == ErrorCode.THROTTLED) ctx.header("Retry-After", "600");
        if (p.code() == ErrorCode.UNAVAILABLE) ctx.header("Retry-After", Integer.toString(HealthRoutes.STORE_RETRY_SECONDS));
    }

    private static void openApi(Context ctx) throws IOException {
        try (InputStream in = WebApp.class.getResourceAsStream("/openapi.json")) {
            ctx.contentType("application/json").result(in.readAllBytes());
        }
    }

    /** Country outlines of the region (Natural Earth), bundled so the map works offline. */
    private static void countries(Context ctx) throws IOException {
        try (InputStream in = WebApp.class.getResourceAsStream("/geo/region-countries.geojson")) {
            ctx.contentType("application/geo+json").header("Cache-Control", "max-age=86400").result(in.readAllBytes());
        }
    }


    /** The tables of {@code GET /api/v1/exports/everything.zip}: every one that needs no key, read as of the date asked. */
    private static EverythingZip everything(Truce truce, ReadRoutes reads, ReportRoutes reports, AccordRoutes accords,
                                            IncidentRoutes incidents, PublicationRoutes publications) {
        return new EverythingZip(truce.ledger(), java.util.List.of(
                EverythingZip.part(Tables.SOURCES, reads::sources, null),
                EverythingZip.part(Tables.METRICS, reads::metrics, null),
                EverythingZip.part(Tables.PLACES, reads::places, null),
                EverythingZip.part(Tables.REPORTS, reports::list, null, "to", "{asOf}"),
                EverythingZip.part(Tables.BREAKDOWNS, reports::breakdowns, null, "to", "{asOf}"),
                EverythingZip.part(Tables.AGREEMENTS, accords::listAgreements, "date"),
                EverythingZip.part(Tables.OBLIGATIONS, accords::listObligations, null, "asOf", "{asOf}"),
                EverythingZip.part(Tables.OVERDUE, accords::overdue, null, "asOf", "{asOf}"),
                EverythingZip.part(Tables.ASSESSMENTS, accords::listAssessments, "date"),
                EverythingZip.part(Tables.GROUPS, accords::listGroups, "date", "asOf", "{asOf}"),
                EverythingZip.part(Tables.MEETINGS, accords::listMeetings, null, "to", "{asOf}", "asOf", "{asOf}"),
                EverythingZip.part(Tables.INCIDENTS, incidents::list, "date"),
                EverythingZip.part(Tables.NIL_REPORTS, incidents::nilReports, "from"),
                EverythingZip.part(Tables.PUBLICATIONS, publications::list, "date")));
    }
}
