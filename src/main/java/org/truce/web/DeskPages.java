package org.truce.web;

import io.javalin.config.RoutesConfig;
import org.truce.app.Truce;

/**
 * Registers the desk: the signed-in pages of analysts, reporters, verifiers and secretariats, and the
 * public pages of agreements, working groups, sources and places. Each route has the one {@link Access}
 * rule of the matching API route: reading pages {@code SIGNED_IN}, public data {@code PUBLIC}, forms
 * the rule of the route they write through.
 */
final class DeskPages {
    private final Desk desk;
    private final DeskForms forms;
    private final ReviewPages review;
    private final RecordPages record;
    private final ReportPage reports;
    private final PublishPage publish;

    private final ImportPage imports;
    private final ExtractPage extract;

    DeskPages(Truce truce, Pages pages, FigureRoutes writes, IncidentRoutes incidents, PublicationRoutes publications, Importer importer) {
        this.imports = new ImportPage(importer, pages, truce, writes);
        this.desk = new Desk(truce, pages, writes);
        this.forms = new DeskForms(truce, pages, writes, incidents);
        this.extract = new ExtractPage(truce, pages, writes, forms);
        this.reports = new ReportPage(truce, pages, writes);
        this.publish = new PublishPage(truce, pages, publications);
        this.review = new ReviewPages(truce, pages, incidents);
        this.record = new RecordPages(truce, pages);
    }

    void routes(RoutesConfig r) {
        r.get("/desk", desk::dashboard, Access.SIGNED_IN);
        r.post("/desk/reviews", desk::decide, Access.REVIEWER);
        r.get("/desk/reports/new", forms::reportForm, Access.REPORTING);
        r.post("/desk/reports/new", forms::submitReport, Access.REPORTING);
        r.get("/desk/reports/{id}", reports::show, Access.SIGNED_IN);
        r.get("/desk/reports/{id}/correct", forms::correctForm, Access.REPORTING);
        r.post("/desk/reports/{id}/retract", reports::retract, Access.REPORTING);
        r.get("/desk/publish", publish::show, Access.SECRETARIAT);
        r.post("/desk/publish", publish::publish, Access.SECRETARIAT);
        r.get("/desk/imports", imports::form, Access.REPORTING);
        r.post("/desk/imports", imports::submit, Access.REPORTING);
        r.post("/desk/imports/mapping", imports::saveMapping, Access.REPORTING);
        r.get("/desk/extract", extract::form, Access.REPORTING);
        r.post("/desk/extract", extract::read, Access.REPORTING);
        r.post("/desk/extract/accept", extract::accept, Access.REPORTING);
        r.get("/desk/incidents/new", forms::incidentForm, Access.REPORTING);
        r.post("/desk/incidents/new", forms::submitIncident, Access.REPORTING);
        r.get("/desk/incidents/{id}", review::incident, Access.SIGNED_IN);
        r.get("/desk/review", review::queue, Access.VERIFIER);
        r.post("/desk/review/steps", review::recordStep, Access.VERIFIER);
        r.post("/desk/review/links", review::recordLink, Access.VERIFIER);
        r.get("/agreements", record::agreements, Access.PUBLIC);
        r.get("/agreements/{id}", record::agreement, Access.PUBLIC);
        r.get("/groups", record::groups, Access.PUBLIC);
        r.get("/groups/{id}", record::group, Access.PUBLIC);
        r.get("/sources", record::sources, Access.PUBLIC);
        r.get("/places", record::places, Access.PUBLIC);
    }
}
