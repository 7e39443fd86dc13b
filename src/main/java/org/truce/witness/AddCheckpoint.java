package org.truce.witness;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;
import org.truce.ledger.Hashes;

/**
 * The body of an add-checkpoint request (https://c2sp.org/tlog-witness): an old size line, at most
 * {@value #MAX_PROOF_LINES} consistency proof lines, an empty line, then the signed checkpoint.
 * Immutable; the proof hashes are copied out.
 */
record AddCheckpoint(long oldSize, List<byte[]> proof, SignedNote note) {
    static final int MAX_PROOF_LINES = 63;
    private static final Pattern OLD = Pattern.compile("old (0|[1-9][0-9]{0,18})");

    AddCheckpoint {
        proof = proof.stream().map(byte[]::clone).toList();
    }

    @Override
    public List<byte[]> proof() {
        return proof.stream().map(byte[]::clone).toList();
    }

    /** Reads a request body; IllegalArgumentException naming the faulty line otherwise. */
    static AddCheckpoint parse(String body) {
        int blank = body.indexOf("\n\n");
        if (blank < 0) throw new IllegalArgumentException("no empty line between the old size and proof lines and the checkpoint");
        String[] lines = body.substring(0, blank).split("\n", -1);
        var old = OLD.matcher(lines[0]);
        if (!old.matches()) throw new IllegalArgumentException("the first line must be \"old <size>\" in plain decimal, not \"" + abbreviated(lines[0]) + "\"");
        long oldSize;
        try {
            oldSize = Long.parseLong(old.group(1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the old size is too large", e);
        }
        if (lines.length - 1 > MAX_PROOF_LINES) {
            throw new IllegalArgumentException("at most " + MAX_PROOF_LINES + " consistency proof lines, not " + (lines.length - 1));
        }
        List<byte[]> proof = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) proof.add(hash(lines[i], i + 1));
        return new AddCheckpoint(oldSize, proof, SignedNote.parse(body.substring(blank + 2)));
    }

    /** The request body this was read from (proof lines in standard padded base64). */
    String text() {
        StringBuilder b = new StringBuilder("old ").append(oldSize).append('\n');
        for (byte[] h : proof) b.append(Base64.getEncoder().encodeToString(h)).append('\n');
        return b.append('\n').append(note.text()).toString();
    }

    private static byte[] hash(String line, int number) {
        byte[] h;
        try {
            h = Base64.getDecoder().decode(line);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("line " + number + " is not a base64 hash", e);
        }
        if (h.length != Hashes.SIZE || !Base64.getEncoder().encodeToString(h).equals(line)) {
            throw new IllegalArgumentException("line " + number + " is not a 32-byte hash in padded standard base64");
        }
        return h;
    }

    private static String abbreviated(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }
}
