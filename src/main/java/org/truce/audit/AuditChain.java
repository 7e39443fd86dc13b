package org.truce.audit;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import org.truce.ledger.EntryCodec;
import org.truce.ledger.Hashes;

/**
 * The chain rule of the audit trail: {@code hash = SHA-256(prev ‖ canonical JSON of the record)},
 * where {@code prev} is the previous record's hash (32 zero bytes before the first record) and the
 * JSON is the RFC 8785 form of {@code {seq, at, actor, org, action, target, address, detail}} with
 * absent values as JSON null and {@code at} as ISO-8601 UTC with milliseconds. Anyone holding the
 * records can recompute it. Stateless and thread-safe.
 */
public final class AuditChain {

    private static final DateTimeFormatter AT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private AuditChain() {}

    /** The record that follows {@code prev}, at {@code at} truncated to milliseconds. */
    public static AuditRecord link(AuditAnchor prev, Instant at, String actor, String org, String action,
            String target, String address, String detail) {
        AuditRecord.requireText(actor, "actor");
        AuditRecord.requireText(action, "action");
        long seq = prev.seq() + 1;
        Instant millis = at.truncatedTo(ChronoUnit.MILLIS);
        String hash = hash(prev.hash(), seq, millis, actor, org, action, target, address, detail);
        return new AuditRecord(seq, millis, actor, org, action, target, address, detail, hash);
    }

    /** Whether {@code record} is the one that follows {@code prev}: next seq and a matching hash. */
    public static boolean links(AuditAnchor prev, AuditRecord record) {
        return record.seq() == prev.seq() + 1 && MessageDigest.isEqual(
                Hashes.fromHex(recomputed(prev, record)), hexOrEmpty(record.hash()));
    }

    /** The hash {@code record} should carry when it follows {@code prev}. */
    public static String recomputed(AuditAnchor prev, AuditRecord r) {
        return hash(prev.hash(), r.seq(), r.at(), r.actor(), r.org(), r.action(), r.target(), r.address(), r.detail());
    }

    /** The canonical time text: fixed width, so it also sorts chronologically as text. */
    public static String formatAt(Instant at) {
        return AT.format(at);
    }

    /** Starts a walk that checks records, in seq order, against the chain from {@code start}. */
    public static Walk walkFrom(AuditAnchor start) {
        return new Walk(start);
    }

    private static String hash(String prevHex, long seq, Instant at, String actor, String org, String action,
            String target, String address, String detail) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("seq", seq);
        node.put("at", formatAt(at));
        node.put("actor", actor);
        node.put("org", org);
        node.put("action", action);
        node.put("target", target);
        node.put("address", address);
        node.put("detail", detail);
        byte[] prev = Hashes.fromHex(prevHex);
        byte[] json = EntryCodec.canonical(node);
        byte[] input = new byte[prev.length + json.length];
        System.arraycopy(prev, 0, input, 0, prev.length);
        System.arraycopy(json, 0, input, prev.length, json.length);
        return Hashes.hex(Hashes.sha256(input));
    }

    private static byte[] hexOrEmpty(String hex) {
        try {
            return Hashes.fromHex(hex);
        } catch (IllegalArgumentException e) {
            return new byte[0];
        }
    }

    /**
     * Checks records one by one, so a long log is verified without holding it in memory. Stops at the
     * first break. Mutable, for one thread.
     */
    public static final class Walk {
        private final AuditAnchor start;
        private AuditAnchor last;
        private long records;
        private AuditVerification.Broken broken;

        private Walk(AuditAnchor start) {
            this.start = start;
            this.last = start;
        }

        /** Checks the next record; returns false once the chain is broken. */
        public boolean accept(AuditRecord record) {
            if (broken != null) return false;
            if (record.seq() != last.seq() + 1) {
                broken = new AuditVerification.Broken(record.seq(),
                        "seq " + record.seq() + " follows seq " + last.seq() + ": records are missing or reordered");
            } else if (!links(last, record)) {
                broken = new AuditVerification.Broken(record.seq(),
                        "hash does not match the record's content and its predecessor's hash");
            } else {
                last = AuditAnchor.after(record);
                records++;
            }
            return broken == null;
        }

        /** The last record that linked (the start if none did yet). */
        public AuditAnchor last() {
            return last;
        }

        public AuditVerification result() {
            if (broken != null) return broken;
            return new AuditVerification.Intact(start.seq(), records, last.seq());
        }
    }
}
