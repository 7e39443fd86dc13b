package org.truce.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.truce.store.Stores;
import org.truce.support.Tmpfs;

/**
 * A disk that really fills up under the ledger: a 20 MB tmpfs the test mounts, the SQLite store on it
 * with no free-space reserve, three clients sending multi-draft requests until the disk refuses them.
 * Five seeded runs; each fills the disk, frees part of it (a filler file made at the start) and writes
 * again without a restart, fills it again, restarts the node on the full disk, frees the rest and
 * writes again. Every answer must be true: the store holds exactly the acknowledged requests, each
 * whole and once; a refused one is a {@link StoreFailure} (503) and left nothing; the store never holds
 * an entry no signed head covers (nothing to cut at the restart); and the tree, the heads and the
 * node's remembered highest head (which a full disk may leave behind, never ahead) verify. {@code TRUCE_DISK_FULL_SEED}
 * replays one run.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class DiskFullTest {
    private static final int RUNS = 5;
    private static final long SEED = 20_210_111L;
    private static final int CLIENTS = 3;
    /** A client stops filling after this many refusals in a row: the disk is full. */
    private static final int REFUSALS_IN_A_ROW = 3;
    private static final String ORIGIN = "test/ledger";
    private static final long FILLER = 11L << 19;

    @TempDir
    Path tmp;

    enum Answer { ACKED, REFUSED }

    /** What the clients were told, by request id; and how many drafts each request had. */
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final Map<String, Integer> drafts = new ConcurrentHashMap<>();

    @Test
    void nothing_acknowledged_is_lost_nothing_unsigned_stays_and_writes_resume_once_space_is_freed() throws Exception {
        String only = System.getenv("TRUCE_DISK_FULL_SEED");
        if (only != null && !only.isBlank()) {
            run(Long.parseLong(only.trim()));
            return;
        }
        for (int r = 0; r < RUNS; r++) run(SEED + r);
    }

    @Test
    void below_the_free_space_reserve_writes_are_refused_before_the_disk_is_full_and_resume_once_space_is_freed() throws Exception {
        long reserve = 6L << 20;
        try (Tmpfs disk = Tmpfs.mount(tmp.resolve("disk-reserve"), 20L << 20)) {
            Path data = disk.dir().resolve("data");
            NodeKey key = NodeKey.loadOrCreate(data, ORIGIN);
            Path filler = filler(disk.dir().resolve("filler"), 6L << 20);
            Random random = new Random(SEED);
            try (LedgerStore store = Stores.openSqlite(data, reserve); Ledger ledger = open(store, key, data)) {
                assertThat(ledger.diskSpace()).hasValueSatisfying(space -> assertThat(space.belowReserve()).isFalse());
                StoreFailure refused = null;
                for (int i = 0; refused == null; i++) {
                    try {
                        sendOrThrow(ledger, random, "reserve-" + i);
                    } catch (StoreFailure e) {
                        refused = e;
                    }
                }
                assertThat(refused).hasMessageContaining("below the reserve of " + reserve + " bytes (TRUCE_MIN_FREE_BYTES)");
                LedgerStore.DiskSpace space = ledger.diskSpace().orElseThrow();
                assertThat(space.belowReserve()).isTrue();
                assertThat(space.reserveBytes()).isEqualTo(reserve);
                assertThat(disk.free()).as("the disk is not full when writes are refused").isPositive();
                long size = ledger.size();
                assertThatThrownBy(() -> sendOrThrow(ledger, random, "refused-again")).isInstanceOf(StoreFailure.class)
                        .hasMessageContaining("below the reserve");
                assertThat(store.size()).as("a refused write writes nothing").isEqualTo(size);

                Files.delete(filler);

                assertThat(ledger.diskSpace().orElseThrow().belowReserve()).isFalse();
                sendOrThrow(ledger, random, "after-freeing");
                assertThat(ledger.size()).isGreaterThan(size);
            }
        }
    }

    private void sendOrThrow(Ledger ledger, Random random, String requestId) {
        List<Draft> request = new ArrayList<>();
        for (int d = 0; d < 4; d++) request.add(draft(random, requestId + "/" + d));
        assertThat(ledger.append(request)).isInstanceOf(AppendResult.Accepted.class);
    }

    private static Draft draft(Random random, String clientId) {
        byte[] pad = new byte[150 + random.nextInt(4_500)];
        random.nextBytes(pad);
        return new Draft("test", "tester", clientId,
                JsonNodeFactory.instance.objectNode().put("pad", java.util.Base64.getEncoder().encodeToString(pad)));
    }

    private void run(long seed) throws Exception {
        answers.clear();
        drafts.clear();
        Random random = new Random(seed * 0x9E3779B97F4A7C15L); // spread: consecutive seeds start alike
        String context = "seed " + seed;
        try (Tmpfs disk = Tmpfs.mount(tmp.resolve("disk-" + seed), 20L << 20)) {
            Path data = disk.dir().resolve("data");
            NodeKey key = NodeKey.loadOrCreate(data, ORIGIN);
            // each frees more than SQLite's WAL holds before a checkpoint (1000 pages, 4 MB), which the
            // checkpoint may first need to copy into the database file once space returns
            Path fillerA = filler(disk.dir().resolve("filler-a"), FILLER + random.nextInt(3 << 19));
            Path fillerB = filler(disk.dir().resolve("filler-b"), FILLER + random.nextInt(3 << 19));
            int[] round = {0};
            try (LedgerStore store = Stores.openSqlite(data, 0); Ledger ledger = open(store, key, data)) {
                fill(ledger, seed, round[0]++, context);
                Files.delete(fillerA);
                everyRequestIsAcknowledged(ledger, seed, round[0]++, context + ", after space was freed, without a restart");
                fill(ledger, seed, round[0]++, context + ", second fill");
            }
            // the restart, on the full disk
            try (LedgerStore store = Stores.openSqlite(data, 0); Ledger ledger = open(store, key, data)) {
                assertStoreHoldsWhatWasAnswered(store, key, data, context + ", restarted on the full disk");
                assertThat(ledger.size()).as(context).isEqualTo(store.size());
                Files.delete(fillerB);
                everyRequestIsAcknowledged(ledger, seed, round[0]++, context + ", after the restart and space freed");
            }
            try (LedgerStore store = Stores.openSqlite(data, 0)) {
                assertStoreHoldsWhatWasAnswered(store, key, data, context + ", at the end");
            }
            long acked = answers.values().stream().filter(a -> a == Answer.ACKED).count();
            System.out.printf("DiskFullTest %s: %d requests acknowledged, %d refused%n", context, acked, answers.size() - acked);
        }
    }

    private static Ledger open(LedgerStore store, NodeKey key, Path data) {
        return Ledger.open(store, key, ORIGIN, Clock.systemUTC(), List.of(), Ledger.Progress.NONE, List.of(),
                LedgerObserver.NONE, HighestHead.in(data));
    }

    private static Path filler(Path file, long bytes) throws Exception {
        byte[] block = new byte[1 << 16];
        new Random(bytes).nextBytes(block);
        try (var out = Files.newOutputStream(file)) {
            for (long written = 0; written < bytes; written += block.length) out.write(block);
        }
        return file;
    }

    /** Every client sends until the disk has refused it {@value #REFUSALS_IN_A_ROW} times in a row. */
    private void fill(Ledger ledger, long seed, int round, String context) throws Exception {
        List<Integer> refusals = clients(seed, round, (client, random) -> {
            int inARow = 0;
            int refused = 0;
            for (int i = 0; inARow < REFUSALS_IN_A_ROW; i++) {
                if (send(ledger, random, requestId(round, client, i)) == Answer.ACKED) {
                    inARow = 0;
                } else {
                    inARow++;
                    refused++;
                }
            }
            return refused;
        });
        assertThat(refusals).as(context + ": every client was refused (the disk filled up)").allSatisfy(n -> assertThat(n).isPositive());
    }

    private void everyRequestIsAcknowledged(Ledger ledger, long seed, int round, String context) throws Exception {
        clients(seed, round, (client, random) -> {
            for (int i = 0; i < 3; i++) {
                String id = requestId(round, client, i);
                assertThat(send(ledger, random, id)).as(context + ": request " + id).isEqualTo(Answer.ACKED);
            }
            return 0;
        });
    }

    @FunctionalInterface
    private interface Client {
        int run(int client, Random random) throws Exception;
    }

    private static List<Integer> clients(long seed, int round, Client body) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<Integer>> running = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                Random random = new Random(seed * 1_000 + round * CLIENTS + c);
                running.add(pool.submit(() -> body.run(client, random)));
            }
            List<Integer> results = new ArrayList<>();
            for (Future<Integer> f : running) results.add(f.get(5, TimeUnit.MINUTES));
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private static String requestId(int round, int client, int index) {
        return "r" + round + "-c" + client + "-" + index;
    }

    /** Sends one request of 1 to 8 drafts with incompressible payloads of 0.2 to 6 kB; records the answer. */
    private Answer send(Ledger ledger, Random random, String requestId) {
        int n = 1 + random.nextInt(8);
        List<Draft> request = new ArrayList<>();
        for (int d = 0; d < n; d++) request.add(draft(random, requestId + "/" + d));
        drafts.put(requestId, n);
        Answer answer;
        try {
            AppendResult result = ledger.append(request);
            assertThat(result).as(requestId).isInstanceOf(AppendResult.Accepted.class);
            answer = Answer.ACKED;
        } catch (StoreFailure e) {
            answer = Answer.REFUSED;
        }
        answers.put(requestId, answer);
        return answer;
    }

    /**
     * The store verifies (every leaf, root and kept head; consistent with the remembered highest head),
     * its last head covers every entry, and it holds exactly the acknowledged requests, each whole and once.
     */
    private void assertStoreHoldsWhatWasAnswered(LedgerStore store, NodeKey key, Path data, String context) throws Exception {
        List<LedgerStore.KeptHead> heads = store.heads();
        assertThat(heads.get(heads.size() - 1).size()).as(context + ": no entry beyond the last signed head").isEqualTo(store.size());
        String highest = Files.readString(data.resolve(HighestHead.FILE));
        LedgerVerifier.Verdict verdict = LedgerVerifier.verify(store, List.of(NoteVerifier.parse(key.verifierKey())),
                List.of(new LedgerVerifier.Pin("the highest head", highest)), done -> { });
        assertThat(verdict.ok()).as("%s: %s", context, verdict).isTrue();
        Map<String, Set<Integer>> stored = new HashMap<>();
        store.forEach(0, row -> {
            String id = EntryCodec.decode(row.bytes()).clientId();
            int slash = id.lastIndexOf('/');
            boolean first = stored.computeIfAbsent(id.substring(0, slash), k -> new HashSet<>()).add(Integer.parseInt(id.substring(slash + 1)));
            assertThat(first).as(context + ": " + id + " once").isTrue();
        });
        Set<String> expected = new HashSet<>();
        answers.forEach((id, answer) -> {
            if (answer == Answer.ACKED) expected.add(id);
        });
        assertThat(stored.keySet()).as(context + ": the store holds the acknowledged requests and nothing refused")
                .containsExactlyInAnyOrderElementsOf(expected);
        stored.forEach((id, parts) -> assertThat(parts).as(context + ": request " + id + " whole").hasSize(drafts.get(id)));
    }
}
