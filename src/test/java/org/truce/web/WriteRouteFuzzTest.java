package org.truce.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.BeforeProperty;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;
import org.truce.ledger.EntryCodec;
import org.truce.support.TestNode;

/**
 * Property-based fuzzing of every write route the node registers: malformed and hostile bodies never
 * get a 5xx, a refusal is a 4xx problem naming where, a refused request writes nothing (ledger size
 * and private stores' rows unchanged), an accepted one is whole, and the node still takes a valid
 * write afterwards. One node per property, its requests over one keep-alive connection. The seed is
 * fixed so CI replays; {@code TRUCE_FUZZ_TRIES} sets the total number of cases for a soak and
 * {@code TRUCE_FUZZ_SEED} another seed.
 */
@AddLifecycleHook(WriteRouteFuzzTest.Scale.class)
class WriteRouteFuzzTest {
    /** Cases per CI run over both properties; their {@code tries} add up to it. */
    static final int CI_CASES = 10_000;
    private static final int LIVENESS_EVERY = 500;
    private static final AtomicLong CASES = new AtomicLong();

    record Case(FuzzTargets.Target target, String path, HostileBodies.Body body) {
        @Override
        public String toString() {
            return target.method() + " " + path + " as " + body;
        }
    }

    private Path dir;
    private FuzzTargets routes;
    private long tries;

    @BeforeProperty
    void start() throws IOException {
        dir = Files.createTempDirectory("truce-fuzz");
        routes = new FuzzTargets(dir);
    }

    @AfterProperty
    void stop() throws IOException {
        try {
            aValidWriteIsStillTaken();
        } finally {
            routes.close();
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
            }
        }
    }

    @Property(tries = 8_000, seed = "20261128")
    void hostile_json_to_an_api_write_never_fails_the_server_nor_writes_in_part(@ForAll("api") Case c) {
        check(c);
    }

    @Property(tries = 2_000, seed = "20261129")
    void hostile_forms_and_ids_never_fail_the_server_nor_write_in_part(@ForAll("pages") Case c) {
        check(c);
    }

    @Provide
    Arbitrary<Case> api() {
        List<FuzzTargets.Target> json = routes.targets.stream().filter(t -> !t.form() && !t.bodyName().equals("-")).toList();
        return Arbitraries.of(json).flatMap(t -> HostileBodies.json(routes.valid(t)).map(b -> new Case(t, t.path(), b)));
    }

    @Provide
    Arbitrary<Case> pages() {
        List<FuzzTargets.Target> forms = routes.targets.stream().filter(FuzzTargets.Target::form).toList();
        List<FuzzTargets.Target> withIds = routes.targets.stream().filter(t -> t.template().contains("{")).toList();
        Arbitrary<Case> form = Arbitraries.of(forms).flatMap(t -> HostileBodies.form(routes.valid(t)).map(b -> new Case(t, t.path(), b)));
        Arbitrary<Case> ids = Arbitraries.of(withIds).flatMap(t -> HostileBodies.poisons()
                .map(p -> p.length() > 2000 ? p.substring(0, 2000) : p)
                .map(p -> new Case(t, routes.withId(t, p), body(t))));
        return Arbitraries.frequencyOf(Tuple.of(4, form), Tuple.of(1, ids));
    }

    private HostileBodies.Body body(FuzzTargets.Target t) {
        String valid = routes.valid(t);
        return new HostileBodies.Body("valid", t.form() ? HostileBodies.FORM : HostileBodies.JSON, valid.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private void check(Case c) {
        CASES.incrementAndGet();
        long before = routes.node.truce.ledger().size();
        Map<String, Long> rows = routes.privateRows();
        TestNode.Response r = routes.send(c.target(), c.path(), c.body());
        assertThat(r.status()).as("status of %s: %s", c, r.body()).isLessThan(500);
        if (r.status() / 100 == 2 || r.status() == 303) {
            assertWhole(c, before);
        } else {
            assertThat(r.status() / 100).as("status of %s", c).isEqualTo(4);
            assertNamesWhere(c, r);
            assertThat(routes.node.truce.ledger().size()).as("ledger size after refusing %s", c).isEqualTo(before);
            assertThat(routes.privateRows()).as("private stores after refusing %s", c).isEqualTo(rows);
        }
        if (++tries % LIVENESS_EVERY == 0) aValidWriteIsStillTaken();
    }

    /**
     * A refusal is problem details naming where; a page form answers the form again with its fields
     * marked, under the status its API route would give (422, 403 or 409, as DeskForms documents).
     */
    private static void assertNamesWhere(Case c, TestNode.Response r) {
        if (!c.target().api() && java.util.Set.of(403, 409, 422).contains(r.status()) && r.contentType().startsWith("text/html")) {
            assertThat(r.body().contains("<form") || r.body().contains("role=\"alert\"")).as("the refused form of %s: %s", c, r.body()).isTrue();
            return;
        }
        assertThat(r.contentType()).as("content type of the answer to %s: %s", c, r.body()).startsWith("application/problem+json");
        JsonNode problem = r.json();
        assertThat(problem.path("status").asInt()).isEqualTo(r.status());
        if (r.status() == 400 || r.status() == 422) {
            assertThat(problem.path("errors").size()).as("errors of the answer to %s: %s", c, r.body()).isPositive();
            for (JsonNode e : problem.path("errors")) assertThat(e.path("pointer").isTextual()).as("pointer in %s", r.body()).isTrue();
        }
    }

    /** An accepted write is whole: every entry it appended decodes, in order. */
    private void assertWhole(Case c, long before) {
        long after = routes.node.truce.ledger().size();
        assertThat(after).as("ledger size after accepting %s", c).isGreaterThanOrEqualTo(before);
        for (var stored : routes.node.truce.ledger().read(before, (int) (after - before))) {
            assertThat(EntryCodec.decode(stored.bytes()).seq()).isEqualTo(stored.seq());
        }
    }

    private void aValidWriteIsStillTaken() {
        FuzzTargets.Target reports = routes.targets.stream().filter(t -> t.template().equals("/api/v1/reports")).findFirst().orElseThrow();
        long before = routes.node.truce.ledger().size();
        TestNode.Response r = routes.send(reports, reports.path(), body(reports));
        assertThat(r.status()).as("a valid report after fuzzing: %s", r.body()).isEqualTo(201);
        assertThat(routes.node.truce.ledger().size()).isEqualTo(before + 1);
    }

    /** Scales every property's tries so that all of them add up to {@code TRUCE_FUZZ_TRIES}; {@code TRUCE_FUZZ_SEED} replaces the seed. */
    static final class Scale implements AroundPropertyHook {
        @Override
        public PropertyExecutionResult aroundProperty(PropertyLifecycleContext context, PropertyExecutor property) {
            String total = System.getenv("TRUCE_FUZZ_TRIES");
            if (total != null && !total.isBlank()) {
                int tries = context.attributes().tries().orElse(1000);
                context.attributes().setTries((int) Math.max(1, (long) tries * Integer.parseInt(total.strip()) / CI_CASES));
            }
            String seed = System.getenv("TRUCE_FUZZ_SEED");
            if (seed != null && !seed.isBlank()) context.attributes().setSeed(seed.strip());
            long start = System.nanoTime();
            long casesBefore = CASES.get();
            PropertyExecutionResult result = property.execute();
            org.slf4j.LoggerFactory.getLogger(WriteRouteFuzzTest.class).info("{}: {} cases in {} ms", context.label(),
                    CASES.get() - casesBefore, (System.nanoTime() - start) / 1_000_000);
            return result;
        }
    }
}
