package org.truce.web;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.truce.app.Truce;
import org.truce.figures.Violation;

/**
 * The HTTP application: routes of the JSON API under {@code /api/v1}, one exception mapper that
 * renders every error as RFC 9457 problem details. Built by {@link #create}; started by the caller.
 */
public final class WebApp {
    private static final Logger LOG = LoggerFactory.getLogger(WebApp.class);
    public static final String API = "/api/v1";

    private WebApp() {}

    public static Javalin create(Truce truce, String adminToken) {
        var auth = new Auth(adminToken);
        var writes = new WriteRoutes(truce.recorder(), auth);
        var reads = new ReadRoutes(truce.figures(), truce.ledger(), truce.clock());
        var ledger = new LedgerRoutes(truce.ledger());
        var bulletins = new BulletinRoutes(truce.bulletins(), truce.ledger());
        return Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.http.maxRequestSize = Json.MAX_BODY;
            config.routes.get("/", WebApp::home);
            config.routes.get(API + "/openapi.json", WebApp::openApi);
            config.routes.post(API + "/reports", writes::reports);
            config.routes.post(API + "/sources", writes::sources);
            config.routes.post(API + "/metrics", writes::metrics);
            config.routes.post(API + "/places", writes::places);
            config.routes.get(API + "/sources", reads::sources);
            config.routes.get(API + "/metrics", reads::metrics);
            config.routes.get(API + "/places", reads::places);
            config.routes.get(API + "/figures", reads::figure);
            config.routes.get(API + "/figures/reconciled", reads::reconciled);
            config.routes.get(API + "/figures/series", reads::series);
            config.routes.get(API + "/ledger/head", ledger::head);
            config.routes.get(API + "/ledger/key", ledger::key);
            config.routes.get(API + "/ledger/entries", ledger::entries);
            config.routes.get(API + "/ledger/proof", ledger::proof);
            config.routes.get(API + "/ledger/consistency", ledger::consistency);
            config.routes.get(API + "/bulletins/{date}", bulletins::bulletin);
            config.routes.exception(Problem.class, (e, ctx) -> problem(ctx, e));
            config.routes.exception(IllegalArgumentException.class, (e, ctx) ->
                    problem(ctx, new Problem(ErrorCode.BAD_PARAMETER, e.getMessage())));
            config.routes.exception(Exception.class, (e, ctx) -> {
                LOG.error("unhandled error on {} {}", ctx.method(), ctx.path(), e);
                ObjectNode n = Json.object().put("type", "about:blank").put("title", "Internal error").put("status", 500)
                        .put("detail", "the server failed; nothing of this request was acknowledged");
                ctx.status(500).contentType("application/problem+json").result(n.toString());
            });
            config.routes.error(404, "*", ctx -> {
                if (ctx.result() == null || ctx.result().isEmpty()) {
                    problem(ctx, new Problem(ErrorCode.NOT_FOUND, "no route " + ctx.method() + " " + ctx.path()));
                }
            });
        });
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
        if (p.code() == ErrorCode.UNAUTHORIZED) ctx.header("WWW-Authenticate", "Bearer");
        ctx.status(p.code().status()).contentType("application/problem+json").result(n.toString());
    }

    private static void openApi(Context ctx) throws IOException {
        try (InputStream in = WebApp.class.getResourceAsStream("/openapi.json")) {
            ctx.contentType("application/json").result(in.readAllBytes());
        }
    }

    private static void home(Context ctx) {
        ctx.contentType("text/html; charset=utf-8").result("""
                <!doctype html><html lang="en"><head><meta charset="utf-8"><title>Truce</title></head><body><main>
                <h1>Truce</h1><p>The joint, verifiable record of a ceasefire and its settlement.</p>
                <ul><li><a href="/api/v1/bulletins/2021-01-11?format=html">Bulletin of 11 January 2021 (English)</a></li>
                <li><a href="/api/v1/bulletins/2021-01-11?format=html&amp;lang=ru">Сводка на 11 января 2021 (русский)</a></li>
                <li><a href="/api/v1/ledger/head">Latest signed tree head</a></li>
                <li><a href="/api/v1/openapi.json">OpenAPI document</a></li></ul></main></body></html>
                """);
    }
}
