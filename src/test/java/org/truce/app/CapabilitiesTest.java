package org.truce.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.truce.ledger.Entry;
import org.truce.ledger.EntryCodec;
import org.truce.ledger.StoredEntry;

/**
 * Every entry type belongs to one capability, under a prefix no other capability uses, and exactly
 * one projection folds it (besides those that declare they derive from it).
 */
class CapabilitiesTest {
    @TempDir
    Path dir;

    @Test
    void each_capability_owns_its_entry_types_under_prefixes_of_its_own() {
        try (Truce truce = Truce.open(dir, Clock.systemUTC())) {
            Map<String, String> prefixOwner = new HashMap<>();
            List<String> clashes = new ArrayList<>();
            for (Capability c : truce.capabilities()) {
                for (String type : c.entryTypes()) {
                    String before = prefixOwner.putIfAbsent(Capability.prefix(type), c.name());
                    if (before != null && !before.equals(c.name())) clashes.add(type + " of " + c.name() + " also under " + before);
                }
            }
            assertThat(clashes).isEmpty();
        }
    }

    @Test
    void every_entry_of_the_demo_is_folded_by_exactly_its_own_capabilitys_projection() {
        try (Truce truce = Truce.open(dir, Clock.systemUTC())) {
            truce.loadDemo();
            Set<String> seen = new TreeSet<>();
            List<String> wrong = new ArrayList<>();
            for (long seq = 0; seq < truce.ledger().size(); seq += 500) {
                for (StoredEntry s : truce.ledger().read(seq, 500)) {
                    Entry e = EntryCodec.decode(s.bytes());
                    seen.add(e.type());
                    List<String> owners = new ArrayList<>();
                    List<String> folding = new ArrayList<>();
                    for (Capability c : truce.capabilities()) {
                        if (c.entryTypes().contains(e.type())) owners.add(c.name());
                        boolean derives = c.derivesFrom().contains(e.type());
                        if (c.projection().prepare(e) != null && !derives) folding.add(c.name());
                    }
                    if (owners.size() != 1 || !folding.equals(owners)) wrong.add(e.type() + ": owned by " + owners + ", folded by " + folding);
                }
            }
            assertThat(wrong).isEmpty();
            // the demo writes every kind of entry but case entries (cases are never demo data) and retractions
            assertThat(seen).contains("source.declared", "report.filed", "feature.declared", "incident.alleged", "accord.agreement",
                    "bulletin.published");
        }
    }
}
