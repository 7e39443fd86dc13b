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
 * one projection folds it (besides those that declare they derive from it). The entry types are those
 * the code declares (each declaring type's {@code TYPES}), found in the classes, not listed here.
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
            // real payloads of the kinds the demo writes (no case, retraction, review, alias, mapping, unit or
            // body key: every_declared_entry_type_... covers those); the catalog, a report, a feature, an
            // allegation, an agreement and a bulletin at least
            assertThat(seen).contains("source.declared", "report.filed", "feature.declared", "incident.alleged", "accord.agreement",
                    "bulletin.published");
        }
    }

    @Test
    void every_declared_entry_type_has_one_owner_and_is_folded_by_exactly_its_projection() throws Exception {
        Set<String> declared = declaredEntryTypes();
        // the capabilities as the code declares them today; a new one is found, not listed
        assertThat(declared).contains("case.opened", "report.retracted", "report.confirmed", "alias.declared", "mapping.saved",
                "unit.declared", "body.key.registered", "body.key.revoked");
        try (Truce truce = Truce.open(dir, Clock.systemUTC())) {
            Set<String> owned = new TreeSet<>();
            truce.capabilities().forEach(c -> owned.addAll(c.entryTypes()));
            assertThat(owned).as("owned by a capability and declared").containsExactlyInAnyOrderElementsOf(declared);
            List<String> wrong = new ArrayList<>();
            for (String type : declared) {
                Entry e = new Entry(1, java.time.Instant.EPOCH, type, "test", "test-" + type, EntryCodec.mapper().createObjectNode());
                List<String> owners = new ArrayList<>();
                List<String> folding = new ArrayList<>();
                for (Capability c : truce.capabilities()) {
                    if (c.entryTypes().contains(type)) owners.add(c.name());
                    if (!c.derivesFrom().contains(type) && reads(c, e)) folding.add(c.name());
                }
                if (owners.size() != 1 || !folding.equals(owners)) wrong.add(type + ": owned by " + owners + ", folded by " + folding);
            }
            assertThat(wrong).isEmpty();
        }
    }

    /** Whether the capability's projection takes the entry as its own: reads something from it, or fails reading this empty one. */
    private static boolean reads(Capability c, Entry e) {
        try {
            return c.projection().prepare(e) != null;
        } catch (RuntimeException tried) {
            return true;
        }
    }

    /**
     * The entry types the code declares: the {@code TYPES} set of every class under org.truce that has
     * one. Each declaring class's own type constants ({@code "report.filed"}) must all be in its set.
     */
    static Set<String> declaredEntryTypes() throws Exception {
        java.nio.file.Path classes = java.nio.file.Path.of(Truce.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Set<String> types = new TreeSet<>();
        List<String> missing = new ArrayList<>();
        java.util.regex.Pattern entryType = java.util.regex.Pattern.compile("[a-z]+(\\.[a-z_]+)+");
        try (var files = java.nio.file.Files.walk(classes.resolve("org/truce"))) {
            for (java.nio.file.Path f : files.filter(p -> p.toString().endsWith(".class")).toList()) {
                String name = classes.relativize(f).toString().replace(java.io.File.separatorChar, '.').replaceAll("\\.class$", "");
                Class<?> k = Class.forName(name, false, Truce.class.getClassLoader());
                java.lang.reflect.Field declaring = field(k, "TYPES");
                if (declaring == null || !Set.class.isAssignableFrom(declaring.getType())) continue;
                declaring.setAccessible(true);
                Set<?> set = (Set<?>) declaring.get(null);
                for (Object t : set) types.add((String) t);
                for (java.lang.reflect.Field c : k.getDeclaredFields()) {
                    if (c.getType() != String.class || !java.lang.reflect.Modifier.isStatic(c.getModifiers())) continue;
                    c.setAccessible(true);
                    String value = (String) c.get(null);
                    if (value != null && entryType.matcher(value).matches() && !set.contains(value)) missing.add(name + "." + c.getName());
                }
            }
        }
        assertThat(missing).as("type constants missing from their TYPES").isEmpty();
        assertThat(types).isNotEmpty();
        return types;
    }

    private static java.lang.reflect.Field field(Class<?> k, String name) {
        for (java.lang.reflect.Field f : k.getDeclaredFields()) {
            if (f.getName().equals(name) && java.lang.reflect.Modifier.isStatic(f.getModifiers())) return f;
        }
        return null;
    }
}
