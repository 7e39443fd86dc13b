package org.truce.web;

import io.javalin.http.Context;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.truce.ledger.Ledger;

/** Reads and checks query parameters; a bad one is a 400 naming it. Stateless. */
final class Params {
    private Params() {}

    static String required(Context ctx, String name) {
        String v = ctx.queryParam(name);
        if (v == null || v.isBlank()) throw Problem.badParameter(name, "is required");
        return v;
    }

    static LocalDate date(Context ctx, String name, boolean required) {
        String v = required ? required(ctx, name) : ctx.queryParam(name);
        if (v == null || v.isBlank()) return null;
        return parseDate(name, v);
    }

    static LocalDate parseDate(String name, String v) {
        LocalDate d;
        try {
            d = LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw Problem.badParameter(name, "must be a date as YYYY-MM-DD, not " + v);
        }
        if (d.getYear() < 1900 || d.getYear() > 9999) throw Problem.badParameter(name, "must lie between 1900 and 9999, not " + v);
        return d;
    }

    static long longParam(Context ctx, String name, long fallback, long min, long max) {
        String v = ctx.queryParam(name);
        if (v == null || v.isBlank()) return fallback;
        try {
            long n = Long.parseLong(v);
            if (n < min || n > max) throw Problem.badParameter(name, "must be between " + min + " and " + max + ", not " + v);
            return n;
        } catch (NumberFormatException e) {
            throw Problem.badParameter(name, "must be a whole number, not " + v);
        }
    }

    /**
     * The ledger size a read is asked at: {@code atSize=N}, or {@code knownAt=T} (an ISO-8601 instant:
     * the entries recorded at or before T), or the whole ledger.
     */
    static long size(Context ctx, Ledger ledger) {
        String atSize = ctx.queryParam("atSize");
        String knownAt = ctx.queryParam("knownAt");
        if (atSize != null && knownAt != null) throw Problem.badParameter("atSize", "cannot be combined with knownAt");
        long size = ledger.size();
        if (atSize != null) return longParam(ctx, "atSize", size, 0, size);
        if (knownAt != null) return ledger.sizeAt(instant("knownAt", knownAt));
        return size;
    }

    static Instant instant(String name, String v) {
        try {
            return Instant.parse(v);
        } catch (DateTimeParseException e) {
            throw Problem.badParameter(name, "must be an ISO-8601 instant such as 2021-01-11T12:00:00Z, not " + v);
        }
    }
}
