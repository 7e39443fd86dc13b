package org.truce.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import org.truce.accounts.Attribution.Speakers;
import org.truce.accounts.Principal;
import org.truce.figures.Fact;
import org.truce.figures.FactReader;
import org.truce.figures.Recorder;
import org.truce.figures.Review;
import org.truce.ledger.AppendResult;
import org.truce.record.Voice;

/**
 * The route group of figures and the catalog they are told in: reports (in a body's name, see
 * {@link org.truce.accounts.Attribution}) and the declarations of sources, metrics and places (in
 * nobody's), all through the one write path; the reads of {@link ReadRoutes} and the flat list of
 * reports of {@link ReportRoutes}.
 */
final class FigureRoutes {
    private final WriteRoute<Fact> reports;
    private final WriteRoute<Fact> sources;
    private final WriteRoute<Fact> metrics;
    private final WriteRoute<Fact> places;
    private final WriteRoute<Fact> units;
    private final WriteRoute<Fact> reviews;
    private final WriteRoute<Fact> aliases;
    private final WriteRoute<Fact> mappings;
    private final WriteRequest writes;
    private final ReadRoutes reads;
    private final ReportRoutes reportList;
    private final Recorder recorder;

    FigureRoutes(Recorder recorder, WriteRequest writes, ReadRoutes reads, ReportRoutes reportList, IntakeReaders intake) {
        this.writes = writes;
        this.reads = reads;
        this.reportList = reportList;
        this.recorder = recorder;
        WriteRoute.Recording<Fact> record = (facts, pointers, actor) -> recorder.record(facts, pointers, actor.author());
        this.reports = WriteRoute.of(FactReader::readReport, record).speaking(Speakers.REPORTERS, FigureRoutes::voice)
                .reviewed(f -> f instanceof Fact.ReportFiled r ? new Fact.ReportFiled(r.report().withReview(Review.REQUIRED)) : f);
        this.reviews = WriteRoute.of(FactReader::readReview, record)
                .checking((p, actor, f, at) -> writes.mayReview(p, ((Fact.ReportReviewed) f).decision().report(), at + "/report"));
        this.sources = WriteRoute.of(FactReader::readSource, record);
        this.metrics = WriteRoute.of(FactReader::readMetric, record);
        this.places = WriteRoute.of(FactReader::readPlace, record);
        this.units = WriteRoute.of(FactReader::readUnit, record);
        this.aliases = WriteRoute.of(intake::alias, record);
        this.mappings = WriteRoute.of(intake::mapping, record);
    }

    /** The body a report or retraction speaks for; a transcriber's correction must be of its own organisation's record. */
    private static Voice voice(Fact f, String at) {
        if (f instanceof Fact.ReportFiled r) {
            Voice v = Voice.of(r.report().source(), at + "/source", r.report().document(), at + "/document");
            return r.report().corrects() == null ? v : v.replacing(r.report().corrects(), at + "/corrects");
        }
        if (f instanceof Fact.ReportRetracted r) {
            // a withdrawal quotes nobody: it needs no document, only the right to withdraw
            return new Voice(r.retraction().source(), at + "/source", true, at + "/document", r.retraction().retracts(), at + "/retracts");
        }
        return null;
    }

    void routes(RoutesConfig r) {
        r.post(WebApp.API + "/reports", writes.handler(reports), Access.REPORTING);
        r.post(WebApp.API + "/reviews", writes.handler(reviews), Access.REVIEWER);
        r.get(WebApp.API + "/reviews", reads::awaitingReview, Access.SIGNED_IN);
        r.post(WebApp.API + "/sources", writes.handler(sources), Access.ADMIN);
        r.post(WebApp.API + "/metrics", writes.handler(metrics), Access.ADMIN);
        r.post(WebApp.API + "/units", writes.handler(units), Access.ADMIN);
        r.get(WebApp.API + "/units", CsvTables.csv(reads::units, Tables.UNITS), Access.PUBLIC);
        r.post(WebApp.API + "/places", writes.handler(places), Access.PLACES);
        r.post(WebApp.API + "/aliases", writes.handler(aliases), Access.ADMIN);
        r.get(WebApp.API + "/aliases", CsvTables.csv(reads::aliases, Tables.ALIASES), Access.PUBLIC);
        r.post(WebApp.API + "/mappings", writes.handler(mappings), Access.REPORTING);
        r.get(WebApp.API + "/mappings", CsvTables.csv(reads::mappings, Tables.MAPPINGS), Access.PUBLIC);
        r.get(WebApp.API + "/sources", CsvTables.csv(reads::sources, Tables.SOURCES), Access.PUBLIC);
        r.get(WebApp.API + "/metrics", CsvTables.csv(reads::metrics, Tables.METRICS), Access.PUBLIC);
        r.get(WebApp.API + "/places", CsvTables.csv(reads::places, Tables.PLACES), Access.PUBLIC);
        r.get(WebApp.API + "/reports", CsvTables.csv(reportList::list, Tables.REPORTS), Access.PUBLIC);
        r.get(WebApp.API + "/reports/breakdowns", CsvTables.csv(reportList::breakdowns, Tables.BREAKDOWNS), Access.PUBLIC);
        r.get(WebApp.API + "/figures", reads::figure, Access.PUBLIC);
        r.get(WebApp.API + "/figures/reconciled", CsvTables.csv(reads::reconciled, Tables.RECONCILED), Access.PUBLIC);
        r.get(WebApp.API + "/figures/series", CsvTables.csv(reads::series, Tables.SERIES), Access.PUBLIC);
    }

    /** A review decision from the desk: the same path as {@code POST /api/v1/reviews}. */
    AppendResult.Accepted review(Principal p, JsonNode body, String address) {
        return writes.accept(p, body, reviews, address).accepted();
    }

    /** Why {@code p} may not confirm or reject the report: the four-eyes rule of the write path. */
    java.util.List<org.truce.record.Violation> mayReview(Principal p, String reportId) {
        return writes.mayReview(p, reportId, "/report");
    }

    /** A column mapping saved from the desk's import page: the same path as {@code POST /api/v1/mappings}. */
    AppendResult.Accepted mapping(Principal p, JsonNode body, String address) {
        return writes.accept(p, body, mappings, address).accepted();
    }

    /** One report from a form of the desk: the same path as {@code POST /api/v1/reports}. */
    AppendResult.Accepted report(Principal p, JsonNode body, String address) {
        return writes.accept(p, body, reports, address).accepted();
    }

    /** The dry run of {@code POST /api/v1/reports} for an array of reports: every violation of every item; nothing written. */
    java.util.List<org.truce.record.Violation> checkReports(Principal p, JsonNode body) {
        return writes.check(p, body, reports, recorder::check);
    }

    /** An array of reports (an import's commit): the same path as {@code POST /api/v1/reports}. */
    WriteRequest.Written<Fact> reports(Principal p, JsonNode body, String address) {
        return writes.accept(p, body, reports, address);
    }
}
