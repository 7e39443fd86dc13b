package org.truce.support;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.truce.app.Truce;
import org.truce.ledger.Checkpoint;
import org.truce.ledger.Entry;
import org.truce.ledger.EntryCodec;
import org.truce.ledger.Hashes;
import org.truce.ledger.MerkleTree;
import org.truce.ledger.NodeKey;

/**
 * What an operator with the node's key could do behind its back: append an entry straight into a
 * stopped node's SQLite store and a head over it signed with the node's own key, so that every root and
 * proof accepts it. For tests that must see such a forgery named.
 */
public final class PlantedEntries {
    private PlantedEntries() {}

    /**
     * Appends the entry {@code make} builds from the stored entries (in seq order; its seq is their
     * count) and a head over it; returns that seq.
     */
    public static long plant(Path dataDir, Function<List<Entry>, Entry> make) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("truce.db"))) {
            MerkleTree tree = new MerkleTree();
            List<Entry> stored = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT body FROM entries ORDER BY seq"); ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    tree.append(Hashes.leafHash(rs.getBytes(1)));
                    stored.add(EntryCodec.decode(rs.getBytes(1)));
                }
            }
            long n = stored.size();
            Entry entry = make.apply(stored);
            if (entry.seq() != n) throw new IllegalArgumentException("a planted entry must have seq " + n + ", not " + entry.seq());
            byte[] bytes = EntryCodec.encode(entry);
            try (PreparedStatement s = c.prepareStatement("INSERT INTO entries (seq, client_id, body) VALUES (?, ?, ?)")) {
                s.setLong(1, n);
                s.setString(2, entry.clientId());
                s.setBytes(3, bytes);
                s.executeUpdate();
            }
            tree.append(Hashes.leafHash(bytes));
            String note = NodeKey.loadOrCreate(dataDir, Truce.DEFAULT_ORIGIN).sign(new Checkpoint(Truce.DEFAULT_ORIGIN, n + 1, tree.root()));
            try (PreparedStatement s = c.prepareStatement("INSERT INTO heads (size, note) VALUES (?, ?)")) {
                s.setLong(1, n + 1);
                s.setString(2, note);
                s.executeUpdate();
            }
            return n;
        }
    }
}
