package org.truce.figures;

import org.truce.catalog.CatalogWriter;
import org.truce.record.RecordWriter;
import org.truce.catalog.Metric;
import org.truce.catalog.Names;
import org.truce.catalog.Place;
import org.truce.catalog.Source;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes each fact as the JSON payload of its ledger entry. Decimals are written as strings so the
 * canonical bytes never pass through binary floating point; {@link FactReader} reads both forms.
 * Stateless.
 */
public final class FactWriter {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private FactWriter() {}

    public static JsonNode write(Fact fact) {
        if (fact instanceof Fact.SourceDeclared s) return source(s.source());
        if (fact instanceof Fact.MetricDeclared m) return metric(m.metric());
        if (fact instanceof Fact.MetricAmended m) return metric(m.metric()).put("revision", m.revision());
        if (fact instanceof Fact.PlaceDeclared p) return place(p.place());
        if (fact instanceof Fact.UnitDeclared u) return unit(u.unit());
        if (fact instanceof Fact.AliasDeclared a) return alias(a.alias());
        if (fact instanceof Fact.MappingSaved m) return mapping(m.mapping());
        if (fact instanceof Fact.ReportFiled f) return report(f.report());
        if (fact instanceof Fact.ReportReviewed r) return review(r.decision());
        return retraction(((Fact.ReportRetracted) fact).retraction());
    }

    public static ObjectNode report(Report r) {
        ObjectNode n = F.objectNode();
        n.put("id", r.id());
        n.put("metric", r.metric());
        n.put("kind", r.kind().wire());
        n.put("value", r.value().toPlainString());
        n.put("qualifier", r.qualifier().wire());
        ObjectNode breakdown = n.putObject("breakdown");
        r.breakdown().forEach((k, v) -> breakdown.put(k, v.toPlainString()));
        n.put("asOf", r.asOf().toString());
        n.put("asOfPrecision", r.asOfPrecision().wire());
        putNullable(n, "since", r.since() == null ? null : r.since().toString());
        n.put("place", r.place());
        n.put("source", r.source());
        n.put("attribution", r.attribution());
        // Written only when said: a paraphrase in an unstated language is what an entry without them
        // means, so the bytes of such reports stay as they were before the fields existed.
        if (r.attributionKind() != AttributionKind.PARAPHRASE || r.attributionLang() != null) {
            n.put("attributionKind", r.attributionKind().wire());
            putNullable(n, "attributionLang", r.attributionLang());
        }
        if (r.document() != null) n.set("document", RecordWriter.document(r.document()));
        putNullable(n, "corrects", r.corrects());
        // written only when set, so that every entry recorded before the field existed keeps its bytes
        if (r.duplicateOf() != null) n.set("duplicateOf", RecordWriter.duplicateOf(r.duplicateOf()));
        if (r.review() != Review.NONE) n.put("review", r.review().wire());
        if (r.spokesperson() != null) n.put("spokesperson", r.spokesperson());
        return n;
    }

    static ObjectNode review(ReviewDecision d) {
        ObjectNode n = F.objectNode();
        n.put("id", d.id());
        n.put("report", d.report());
        n.put("decision", d.verdict().wire());
        putNullable(n, "reason", d.reason());
        return n;
    }

    static ObjectNode retraction(Retraction r) {
        ObjectNode n = F.objectNode();
        n.put("id", r.id());
        n.put("source", r.source());
        n.put("retracts", r.retracts());
        putNullable(n, "reason", r.reason());
        return n;
    }

    static ObjectNode source(Source s) {
        ObjectNode n = F.objectNode();
        n.put("id", s.id());
        ArrayNode roles = n.putArray("roles");
        s.roles().stream().sorted().forEach(role -> roles.add(role.wire()));
        putNullable(n, "partOf", s.partOf());
        n.set("names", names(s.names()));
        ArrayNode reportsOn = n.putArray("reportsOn");
        s.reportsOn().forEach(reportsOn::add);
        // absent rather than empty, so that a source without declined forms hashes as it always did
        if (!s.forms().isEmpty()) {
            ObjectNode forms = n.putObject("forms");
            new TreeMap<>(s.forms()).forEach((lang, byForm) -> forms.set(lang, names(byForm)));
        }
        return n;
    }

    static ObjectNode metric(Metric m) {
        ObjectNode n = F.objectNode();
        n.put("id", m.id());
        n.put("unit", m.unit());
        ArrayNode breakdowns = n.putArray("breakdowns");
        m.breakdowns().forEach(breakdowns::add);
        n.set("names", names(m.names()));
        return n;
    }

    static ObjectNode alias(org.truce.catalog.Alias a) {
        ObjectNode n = F.objectNode();
        n.put("kind", a.kind().wire());
        n.put("alias", a.label());
        n.put("id", a.id());
        return n;
    }

    static ObjectNode mapping(SheetMapping m) {
        ObjectNode n = F.objectNode();
        n.put("name", m.name());
        n.put("revision", m.revision());
        ObjectNode columns = n.putObject("columns");
        m.columns().forEach(columns::put);
        putNullable(n, "locale", m.locale());
        return n;
    }

    static ObjectNode unit(org.truce.catalog.Unit u) {
        ObjectNode n = F.objectNode();
        n.put("id", u.id());
        n.set("names", names(u.names()));
        return n;
    }

    static ObjectNode place(Place p) {
        ObjectNode n = F.objectNode();
        n.put("id", p.id());
        n.put("kind", p.kind());
        putNullable(n, "administration", p.administration());
        putNullable(n, "parent", p.parent());
        n.set("names", CatalogWriter.placeNames(p.names()));
        if (p.location() == null) n.putNull("location");
        else {
            ObjectNode loc = n.putObject("location");
            loc.put("lat", BigDecimal.valueOf(p.location().lat()).toPlainString());
            loc.put("lon", BigDecimal.valueOf(p.location().lon()).toPlainString());
        }
        ArrayNode overlaps = n.putArray("overlaps");
        p.overlaps().forEach(overlaps::add);
        return n;
    }

    private static ObjectNode names(Map<String, String> names) {
        ObjectNode n = F.objectNode();
        new TreeMap<>(names).forEach(n::put);
        return n;
    }

    private static void putNullable(ObjectNode n, String field, String value) {
        if (value == null) n.putNull(field);
        else n.put(field, value);
    }
}
