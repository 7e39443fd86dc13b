package org.truce.backup;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The ledger export, JSON Lines (UTF-8, one JSON object a line), version 1:
 * <ol>
 * <li>a header: {@code {"format":"truce-ledger","version":1,"origin":..,"size":N,"root":base64,
 *     "verifierKeys":[..]}} — the tree the export covers (that of the last kept signed head) and the
 *     C2SP verifier keys that signed its heads;</li>
 * <li>N entry lines, seq 0 to N-1 in order: {@code {"seq":..,"clientId":..,"bytes":base64}}, the
 *     stored bytes exactly as hashed into the Merkle tree (RFC 6962 leaf input);</li>
 * <li>one line per kept signed head, by size ascending: {@code {"headSize":..,"note":..}}, the C2SP
 *     signed note text.</li>
 * </ol>
 * A reader can stream it; the header's size and root let it know what to expect before the entries.
 */
final class ExportFormat {
    static final String FORMAT = "truce-ledger";
    static final int VERSION = 1;
    static final ObjectMapper JSON = new ObjectMapper();

    private ExportFormat() {}
}
