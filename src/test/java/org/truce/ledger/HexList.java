package org.truce.ledger;

import java.util.List;

/** Hashes as hex strings, so that assertion failures show readable values. */
final class HexList {
    private HexList() {}

    static List<String> of(List<byte[]> hashes) {
        return hashes.stream().map(Hashes::hex).toList();
    }
}
