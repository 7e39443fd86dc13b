package org.truce.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Locale;
import org.truce.bulletin.Messages;
import org.truce.ledger.Ledger;

/**
 * GET /check: the public "check this bulletin" page. Server-rendered, it explains what is checked,
 * shows the operator's verifier key and its {@link KeyFingerprint} for comparison with one obtained
 * elsewhere, and how to check with the command line. check.js then verifies in the browser (Web
 * Crypto): the checkpoint's signature, its size and root against the bulletin, and the inclusion of
 * every entry the figures are based on. The query {@code date}, {@code size}, {@code root} and
 * {@code key} prefill the form; bad values get a 400 naming the field. Stateless apart from the ledger.
 */
public final class CheckPage {
    /** The texts the browser fills in, passed as they are (simple {name} arguments only). */
    static final List<String> SCRIPT_TEXTS = List.of("status.ok", "status.failed", "status.running", "noDate",
            "network", "bulletin.ok", "bulletin.failed", "key.server", "key.pasted", "key.ok", "key.malformed",
            "key.idMismatch", "signature.ok", "signature.bad", "signature.missing", "signature.malformed",
            "checkpoint.ok", "checkpoint.origin", "checkpoint.size", "checkpoint.root", "checkpoint.requested",
            "expected.ok", "expected.mismatch", "expected.malformed", "entries.progress", "entries.ok",
            "entries.failed", "entry.status", "entry.missing", "entry.seq", "entry.proof", "entry.outside",
            "summary.ok", "summary.failed", "summary.noKey", "witnesses.none", "witness.ok", "witness.bad",
            "witness.missing", "witness.key", "witnessed.status", "witnessed.signature", "witnessed.behind", "quorum.ok",
            "quorum.failed", "consistency.ok", "consistency.failed");
    private static final int MAX_KEY = 1000;

    private final Ledger ledger;
    private final Pages pages;
    private final java.util.function.Function<String, Witnessing> witnessing;

    /**
     * The witnesses a reader is offered by default: each one's name as the site shows it and its
     * cosigner verifier key, and how many of them must have cosigned.
     */
    public record Witnessing(List<Witness> witnesses, int quorum) {
        public record Witness(String label, String vkey) {}

        public static final Witnessing NONE = new Witnessing(List.of(), 0);
    }

    /** @param witnessing the node's current witnesses, labelled in the given language */
    CheckPage(Ledger ledger, Pages pages, java.util.function.Function<String, Witnessing> witnessing) {
        this.ledger = ledger;
        this.pages = pages;
        this.witnessing = witnessing;
    }

    void routes(RoutesConfig r) {
        r.get("/check", this::page, Access.PUBLIC);
    }

    private void page(Context ctx) {
        String date = ctx.queryParam("date");
        if (date != null && !date.isEmpty()) Params.parseDate("date", date);
        String size = ctx.queryParam("size");
        if (size != null && !size.isEmpty()) Params.longParam(ctx, "size", 0, 1, ledger.size());
        String root = ctx.queryParam("root");
        if (root != null && !root.isEmpty() && !root.toLowerCase(Locale.ROOT).matches("[0-9a-f]{64}")) {
            throw Problem.badParameter("root", "must be 64 hexadecimal digits");
        }
        String key = ctx.queryParam("key");
        if (key != null && key.length() > MAX_KEY) throw Problem.badParameter("key", "must be at most " + MAX_KEY + " characters");
        String witnesses = ctx.queryParam("witnesses");
        if (witnesses != null && witnesses.length() > 20 * MAX_KEY) {
            throw Problem.badParameter("witnesses", "must be at most " + 20 * MAX_KEY + " characters");
        }
        String quorum = ctx.queryParam("quorum");
        if (quorum != null && !quorum.isEmpty()) Params.longParam(ctx, "quorum", 0, 0, 100);
        String vkey = ledger.verifierKey();
        Ui ui = pages.ui(ctx);
        Witnessing witnessing = this.witnessing.apply(ui.lang());
        pages.render(ctx, 200, "check.jte", Pages.params("ui", ui, "vkey", vkey,
                "fingerprint", KeyFingerprint.of(vkey), "date", date, "size", size, "root", root, "key", key,
                "bulletinLang", Messages.of(ui.lang()).isPresent() ? ui.lang() : "en",
                "scriptLocale", "en".equals(ui.lang()) ? "en-GB" : ui.lang(), "texts", scriptTexts(ui),
                "site", ctx.scheme() + "://" + ctx.host(), "witnesses", witnesses, "quorum", quorum,
                "siteWitnesses", witnessesJson(witnessing), "siteQuorum", witnessing.quorum(), "witnessing", witnessing));
    }

    private static String witnessesJson(Witnessing witnessing) {
        var list = Json.MAPPER.createArrayNode();
        for (Witnessing.Witness w : witnessing.witnesses()) list.addObject().put("label", w.label()).put("vkey", w.vkey());
        return list.toString();
    }

    private static String scriptTexts(Ui ui) {
        ObjectNode texts = Json.object();
        // no arguments given: ICU writes each {name} back as it is, for the script to fill in
        for (String key : SCRIPT_TEXTS) texts.put(key, ui.t("check.js." + key));
        return texts.toString();
    }
}
