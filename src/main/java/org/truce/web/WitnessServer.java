package org.truce.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.truce.witness.Witness;
import org.truce.witness.WitnessAnswer;

/**
 * A witness's HTTP face (https://c2sp.org/tlog-witness): {@code POST /add-checkpoint} (the submission
 * prefix is the server's root) and {@code GET /<origin hash>/checkpoint} (the monitoring prefix, the
 * same root). Plain-text answers, the node's security headers, and a small body limit: a request is an
 * old size, at most 63 hashes and a checkpoint with its signatures, a few kilobytes.
 */
public final class WitnessServer {
    private static final Logger LOG = LoggerFactory.getLogger(WitnessServer.class);
    /** 63 proof lines of 45 bytes and a note with 100 signatures fit well under this. */
    static final int MAX_BODY = 32 * 1024;
    private static final String TEXT = "text/plain; charset=utf-8";

    private WitnessServer() {}

    /** The application, not started. */
    public static Javalin create(Witness witness) {
        return Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.http.maxRequestSize = MAX_BODY;
            var r = config.routes;
            r.before(ctx -> SecurityHeaders.ALWAYS.forEach(ctx::header));
            r.post("/add-checkpoint", ctx -> add(ctx, witness));
            r.get("/{originHash}/checkpoint", ctx -> checkpoint(ctx, witness));
            r.exception(Exception.class, (e, ctx) -> {
                LOG.error("unhandled error on {} {}", ctx.method(), ctx.path(), e);
                ctx.status(500).contentType(TEXT).result("the witness failed; nothing was cosigned\n");
            });
            r.error(404, "*", ctx -> {
                if (ctx.result() == null || ctx.result().startsWith("Endpoint ")) {
                    ctx.contentType(TEXT).result("no route " + ctx.method() + " " + ctx.path() + "\n");
                }
            });
        });
    }

    private static void add(Context ctx, Witness witness) {
        WitnessAnswer answer = witness.add(new String(ctx.bodyAsBytes(), StandardCharsets.UTF_8));
        ctx.status(answer.status());
        if (answer instanceof WitnessAnswer.Cosigned c) {
            ctx.contentType(TEXT).result(c.lines());
        } else if (answer instanceof WitnessAnswer.Conflict c) {
            // C2SP tlog-witness: the size of the latest cosigned checkpoint, in its own media type
            ctx.contentType("text/x.tlog.size").result(c.size() + "\n");
        } else if (answer instanceof WitnessAnswer.Refused r) {
            ctx.contentType(TEXT).result(r.reason() + "\n");
        }
    }

    private static void checkpoint(Context ctx, Witness witness) {
        var note = witness.checkpoint(ctx.pathParam("originHash"));
        if (note.isEmpty()) {
            ctx.status(404).contentType(TEXT).result("this witness has cosigned no checkpoint of that log\n");
            return;
        }
        ctx.contentType(TEXT).header("Cache-Control", "no-cache").result(note.get());
    }
}
