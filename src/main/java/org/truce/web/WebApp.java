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
import org.truce.settings.Setting;
import org.truce.settings.Settings;
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
     * Checks the settings {@link #create} reads.
     *
     * @throws IllegalArgumentException naming the setting and its bad value
     */
    public static void checkEnvironment(Settings settings) {
        WebSettings.from(settings);
    }

    /** As {@link #checkEnvironment(Settings)}, on the settings {@code env} gives (a variable's name to its value). */
    public static void checkEnvironment(java.util.function.Function<String, String> env) {
        checkEnvironment(Settings.from(env));
    }

    /**
     * The application on the process's settings ({@link Settings#environment()}).
     *
     * @param bootstrapToken {@code TRUCE_ADMIN_TOKEN} (an admin API token for automation), or null
     */
    public static Javalin create(Truce truce, String bootstrapToken) {
        Settings settings = Settings.environment();
        return create(truce, bootstrapToken, settings.value(Setting.METRICS_TOKEN), settings);
    }

    /**
     * @param bootstrapToken {@code TRUCE_ADMIN_TOKEN} (an admin API token for automation), or null
     * @param metricsToken   {@code TRUCE_METRICS_TOKEN} (the bearer token Prometheus scrapes {@code /metrics} with), or null
     */
    public static Javalin create(Truce truce, String bootstrapToken, String metricsToken) {
        return create(truce, bootstrapToken, metricsToken, Settings.environment());
    }

    /**
     * @param env the settings read besides the tokens (such as {@code TRUCE_PUBLIC_URL}), a variable's name
     *            to its value: a map in tests
     */
    public static Javalin create(Truce truce, String bootstrapToken, String metricsToken,
                                 java.util.function.Function<String, String> env) {
        return create(truce, bootstrapToken, metricsToken, Settings.from(env));
    }

    /** @param settings the settings read besides the tokens: the process's in production */
    public static Javalin create(Truce truce, String bootstrapToken, String metricsToken, Settings settings) {
        return assemble(truce, bootstrapToken, WebSettings.from(settings).withMetricsToken(metricsToken));
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
     * @param checkpoint the last checkpoint the mirror accepted, with the cosignatures it checked (a
     *                   signed note), served at {@code /api/v1/ledger/checkpoint}; empty before any
     * @param witnesses  the witnesses the mirror checks and its quorum, offered by its check page
     */
    public static Javalin createMirror(Truce truce, String logUrl, String publicUrl, Supplier<List<String>> alarms,
                                       Supplier<java.util.Optional<String>> checkpoint, CheckPage.Witnessing witnesses,
                                       String metricsToken, Settings env) {
        // the log's check link in the bulletins; no witnesses: a mirror signs and publishes nothing
        Settings mirrorSettings = env.with(Setting.PUBLIC_URL, publicUrl).with(Setting.WITNESSES, null)
                .with(Setting.WITNESS_QUORUM, null);
        WebSettings settings = WebSettings.from(mirrorSettings).withMetricsToken(metricsToken);
        return assemble(truce, null, settings, new Mirroring(logUrl, alarms, checkpoint, witnesses));
    }

    /** A mirror's difference from a node: the log it copies, what it found wrong, the checkpoint it accepted and its witnesses. */
    private record Mirroring(String logUrl, Supplier<List<String>> alarms, Supplier<java.util.Optional<String>> checkpoint,
                             CheckPage.Witnessing witnesses) {
        /**
         * The accepted checkpoint with its cosignatures once the copy's read API holds all its entries (so
         * that its proofs answer up to it); until then, and before any, the copy's head as the log signed it.
         */
        String cosignedHead(org.truce.ledger.Ledger ledger) {
            return checkpoint.get()
                    .filter(note -> org.truce.ledger.Checkpoint.parse(note.substring(0, note.indexOf("\n\n") + 1)).size() <= ledger.size())
                    .orElseGet(ledger::latestSignedHead);
        }

        void refuseWrites(Context ctx) {
            String method = ctx.method().name();
            if (method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS")) return;
            ctx.header("Allow", "GET, HEAD");
            throw new Problem(ErrorCode.MIRROR_READ_ONLY, "this node is a read-only mirror of " + logUrl
                    + "; send " + method + " " + ctx.path() + " to that node");
        }
    }

    /** The application on {@code settings}, parsed once from the node's {@link Settings} ({@link WebSettings}). */
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
        var ledger = new LedgerRoutes(truce.ledger(), truce::cosigning, mirroring == null ? () -> truce.cosigning().cosignedHead()
                : () -> mirroring.cosignedHead(truce.ledger()));
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
            // Every route declares its one access rule (Access) in its capability's route group; RouteRulesTest
            // checks that none is missing. WebApp only assembles the groups.
            // bulletins before the public pages, whose /bulletins/{date} would also match 2021-01-11.pdf
            bulletins.routes(r);
            publicPages.routes(r);
            new CheckPage(truce.ledger(), pages, lang -> mirroring != null ? mirroring.witnesses() : checkPageWitnesses(truce, lang))
                    .routes(r);
            new MapPage(truce.map(), truce.figures(), truce.ledger(), pages, truce.clock(), settings.tiles()).routes(r);
            new FiguresPage(truce.figures(), truce.ledger(), pages, truce.clock()).routes(r);
            new IncidentsPage(truce.incidents(), truce.figures(), truce.ledger(), pages).routes(r);
            account.routes(r);
            r.get(API + "/openapi.json", WebApp::openApi, Access.PUBLIC);
            health.routes(r);
            // each capability's route group registers its writes (through the one write path) and its reads
            figures.routes(r);
            publications.routes(r);
            cases.routes(r);
            map.routes(r);
            accords.routes(r);
            incidents.routes(r);
            ledger.routes(r);
            audit.routes(r);
            admin.routes(r);
            bodyKeys.routes(r);
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
