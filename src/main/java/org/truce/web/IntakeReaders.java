package org.truce.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.truce.catalog.Alias;
import org.truce.figures.Fact;
import org.truce.figures.FactReader;
import org.truce.figures.FigureBook;
import org.truce.ingest.Headers;
import org.truce.ingest.Labels;
import org.truce.ledger.Ledger;
import org.truce.record.Parsed;
import org.truce.record.Reading;
import org.truce.record.Violation;

/**
 * Reads intake's shared tables as the figures capability does ({@link FactReader#readAlias},
 * {@link FactReader#readMapping}), and holds them to what only intake knows: an alias may not be a
 * label the catalog already gives another item (it would make that label name two), and a mapping
 * names only fields an import reads. Both refusals are the item's own (422). Thread-safe.
 */
final class IntakeReaders {
    private final FigureBook book;
    private final Ledger ledger;

    IntakeReaders(FigureBook book, Ledger ledger) {
        this.book = book;
        this.ledger = ledger;
    }

    Parsed<Fact> alias(JsonNode node, String at) {
        Parsed<Fact> parsed = FactReader.readAlias(node, at);
        if (!(parsed instanceof Parsed.Ok<Fact> ok)) return parsed;
        Alias a = ((Fact.AliasDeclared) ok.value()).alias();
        long size = ledger.size();
        Labels catalog = new Labels(book.sources(size), book.metrics(size), book.places(size), List.of());
        java.util.Set<String> named = new java.util.TreeSet<>(catalog.named(a.kind(), a.label()));
        named.remove(a.id()); // a name the item already has: harmless, and kept as said
        if (named.isEmpty()) return parsed;
        return invalid(at + "/alias", "is already " + (named.contains(a.label().strip()) ? "the identifier" : "a name") + " of the "
                + a.kind().wire() + " " + String.join(" and the " + a.kind().wire() + " ", named) + "; as an alias of " + a.id()
                + " it would name " + (named.size() + 1) + " items");
    }

    Parsed<Fact> mapping(JsonNode node, String at) {
        Parsed<Fact> parsed = FactReader.readMapping(node, at);
        if (!(parsed instanceof Parsed.Ok<Fact> ok)) return parsed;
        List<Violation> unknown = new ArrayList<>();
        for (Map.Entry<String, String> c : ((Fact.MappingSaved) ok.value()).mapping().columns().entrySet()) {
            if (!Headers.standard().reads(c.getKey())) {
                unknown.add(new Violation(at + "/columns/" + Reading.escape(c.getKey()), "is no field an import reads; fields are "
                        + Headers.standard().fields() + " and breakdown.<name>"));
            }
        }
        return unknown.isEmpty() ? parsed : new Parsed.Invalid<>(unknown);
    }

    private static Parsed<Fact> invalid(String at, String why) {
        return new Parsed.Invalid<>(List.of(new Violation(at, why)));
    }
}
