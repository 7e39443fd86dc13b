package org.truce.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.truce.accounts.Attribution;
import org.truce.accounts.Principal;
import org.truce.record.Actor;
import org.truce.record.Outcome;
import org.truce.record.Parsed;
import org.truce.record.Violation;
import org.truce.record.Voice;

/**
 * What one write route declares to the write path ({@link WriteRequest}), and only that: how an item
 * of its body is read, in whose name an item speaks, any rule of its own about who may say it, how
 * the capability records the items, and what a receipt adds. Immutable; built once per route.
 *
 * @param speakers who may speak in a body's name; null when the input speaks in nobody's (declarations)
 * @param single   the route takes one object, never an array
 * @param review   the item marked to wait for a second account's review (four eyes); null where nothing waits
 */
record WriteRoute<F>(Reader<F> reader, Attribution.Speakers speakers, Voices<F> voices, Checks<F> checks,
                     Recording<F> recording, Receipts<F> receipts, boolean single, Review<F> review) {

    /** The same item, marked to wait for review; the item itself where that kind never waits (a retraction). */
    @FunctionalInterface
    interface Review<F> {
        F awaiting(F fact);
    }

    /** Reads one item at JSON pointer {@code at} ("" for a body of one object). */
    @FunctionalInterface
    interface Reader<F> {
        Parsed<F> read(JsonNode item, String at);
    }

    /** The name an item speaks in; null for none (declarations, links). */
    @FunctionalInterface
    interface Voices<F> {
        Voice of(F fact, String at);
    }

    /** A capability's own rule about who may say an item (answered 403), beyond in whose name. */
    @FunctionalInterface
    interface Checks<F> {
        List<Violation> forbidden(Principal caller, Actor actor, F fact, String at);
    }

    /** Checks the items against the record and appends them, all or nothing. */
    @FunctionalInterface
    interface Recording<F> {
        Outcome record(List<F> facts, List<String> pointers, Actor actor);
    }

    /** What an item's receipt says besides its place in the ledger. */
    @FunctionalInterface
    interface Receipts<F> {
        void add(F fact, ObjectNode receipt);
    }

    /** A route whose items speak in nobody's name (catalog and map declarations, links). */
    static <F> WriteRoute<F> of(Reader<F> reader, Recording<F> recording) {
        return new WriteRoute<>(reader, null, (f, at) -> null, (p, a, f, at) -> List.of(), recording, (f, r) -> { }, false, null);
    }

    WriteRoute<F> speaking(Attribution.Speakers who, Voices<F> names) {
        return new WriteRoute<>(reader, who, names, checks, recording, receipts, single, review);
    }

    WriteRoute<F> checking(Checks<F> rule) {
        return new WriteRoute<>(reader, speakers, voices, rule, recording, receipts, single, review);
    }

    WriteRoute<F> withReceipts(Receipts<F> add) {
        return new WriteRoute<>(reader, speakers, voices, checks, recording, add, single, review);
    }

    WriteRoute<F> oneObject() {
        return new WriteRoute<>(reader, speakers, voices, checks, recording, receipts, true, review);
    }

    /** Items in a body's name wait for a second account's review where the four-eyes rule says so. */
    WriteRoute<F> reviewed(Review<F> mark) {
        return new WriteRoute<>(reader, speakers, voices, checks, recording, receipts, single, mark);
    }
}
