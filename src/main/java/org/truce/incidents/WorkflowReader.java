package org.truce.incidents;

import org.truce.record.RecordReader;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.truce.record.Parsed;
import org.truce.record.Reading;

/**
 * Reads workflow steps, links of duplicate allegations and nil reports from request bodies and
 * from ledger entries, naming every problem by its JSON pointer. Stateless.
 */
public final class WorkflowReader {
    private static final Set<String> STEP = Set.of("id", "incident", "step", "finding", "date", "source", "eventType",
            "subEventType", "counts", "note");
    private static final Set<String> LINK = Set.of("id", "allegation", "incident", "reason");
    private static final Set<String> NIL = Set.of("id", "source", "zone", "zoneNamedBy", "reportedArea", "from", "to",
            "statement", "document", "illustrative", "duplicateOf");

    private WorkflowReader() {}

    public static Parsed<IncidentFact> step(JsonNode node, String at) {
        return step(new Reading(), node, at);
    }

    static Parsed<IncidentFact> step(Reading r, JsonNode node, String at) {
        if (!r.isObject(node, at)) return Parsed.of(null, r);
        IncidentReader.fields(r, node, at, STEP);
        String id = r.uuid(node, "id", at, true);
        String incident = r.uuid(node, "incident", at, true);
        String step = IncidentReader.choice(r, node, "step", at, s -> Workflow.STEPS.contains(s) ? java.util.Optional.of(s)
                : java.util.Optional.empty(), "one of " + Workflow.STEPS);
        String finding = r.text(node, "finding", at, false);
        if (Workflow.FINDING.equals(step) && finding == null && !node.hasNonNull("finding")) {
            r.fail(at + "/finding", "is required on a finding: one of " + Workflow.FINDINGS);
        } else if (finding != null && !Workflow.FINDING.equals(step)) {
            r.fail(at + "/finding", "is given only on the finding step");
        } else if (finding != null && !Workflow.FINDINGS.contains(finding)) {
            r.fail(at + "/finding", "must be one of " + Workflow.FINDINGS);
        }
        String[] types = IncidentReader.types(r, node, at, false);
        if (types[0] != null && !Workflow.FINDING.equals(step)) r.fail(at + "/eventType", "is given only with a finding");
        var counts = IncidentReader.counts(r, node.get("counts"), at + "/counts");
        if (!counts.isEmpty() && !Workflow.FINDING.equals(step)) r.fail(at + "/counts", "are given only with a finding");
        LocalDate date = r.date(node, "date", at, true);
        String source = r.id(node, "source", at, false);
        String note = r.text(node, "note", at, false);
        return Parsed.of(new IncidentFact.StepRecorded(id, incident, step, finding, date, source, types[0], types[1], counts, note), r);
    }

    public static Parsed<IncidentFact> link(JsonNode node, String at) {
        return link(new Reading(), node, at);
    }

    static Parsed<IncidentFact> link(Reading r, JsonNode node, String at) {
        if (!r.isObject(node, at)) return Parsed.of(null, r);
        IncidentReader.fields(r, node, at, LINK);
        String id = r.uuid(node, "id", at, true);
        String allegation = r.uuid(node, "allegation", at, true);
        String incident = r.uuid(node, "incident", at, true);
        String reason = r.text(node, "reason", at, false);
        return Parsed.of(new IncidentFact.Linked(id, allegation, incident, reason), r);
    }

    public static Parsed<IncidentFact> nil(JsonNode node, String at) {
        return nil(new Reading(), node, at);
    }

    static Parsed<IncidentFact> nil(Reading r, JsonNode node, String at) {
        if (!r.isObject(node, at)) return Parsed.of(null, r);
        IncidentReader.fields(r, node, at, NIL);
        String id = r.uuid(node, "id", at, true);
        String source = r.id(node, "source", at, true);
        String zone = r.id(node, "zone", at, true);
        String namedBy = r.text(node, "zoneNamedBy", at, false);
        if (namedBy == null) namedBy = IncidentFact.NilReported.NAMED_BY_REPORTER;
        else if (!List.of(IncidentFact.NilReported.NAMED_BY_REPORTER, IncidentFact.NilReported.RESOLVED_BY_TRUCE).contains(namedBy)) {
            r.fail(at + "/zoneNamedBy", "must be reporter (the report names the zone) or truce (Truce resolved the reported area to it)");
        }
        String reportedArea = r.text(node, "reportedArea", at, false);
        if (IncidentFact.NilReported.RESOLVED_BY_TRUCE.equals(namedBy) && reportedArea == null) {
            r.fail(at + "/reportedArea", "is required when Truce resolved the zone: the area in the reporter's own words");
        }
        LocalDate from = r.date(node, "from", at, true);
        LocalDate to = r.date(node, "to", at, true);
        if (from != null && to != null && to.isBefore(from)) r.fail(at + "/to", "must not be before from (" + from + ")");
        String statement = r.text(node, "statement", at, false);
        var document = RecordReader.document(r, node.get("document"), at + "/document");
        boolean illustrative = IncidentReader.flag(r, node, "illustrative", at);
        var duplicateOf = RecordReader.duplicateOf(r, node.get("duplicateOf"), at + "/duplicateOf");
        return Parsed.of(new IncidentFact.NilReported(id, source, zone, namedBy, reportedArea, from, to, statement, document,
                illustrative, duplicateOf), r);
    }
}
