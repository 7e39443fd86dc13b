package org.truce.crash;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.truce.ledger.Entry;
import org.truce.ledger.EntryCodec;
import org.truce.ledger.HighestHead;
import org.truce.ledger.LedgerStore;
import org.truce.ledger.LedgerVerifier;
import org.truce.ledger.NoteVerifier;
import org.truce.store.ChildJvm;

/**
 * The crash campaign, independent of the store kind: a {@link CrashIngester} child files multi-draft
 * requests (with retries) while this test kills it with SIGKILL after a seeded number of
 * acknowledgements (0: as soon as it has opened the store), {@link #kills()} times, each kill a new
 * child on the same store. After every kill the store is opened here and must hold every acknowledged
 * request exactly once, every request all or nothing, and pass {@link LedgerVerifier} (every leaf, the
 * Merkle roots, every kept signed head, recordedAt never decreasing, consistent with the node's
 * remembered highest head, which the next child must accept).
 *
 * <p>A subclass names the store: how the child reaches it and how the test opens it. Soak:
 * {@code TRUCE_CRASH_KILLS=N} (default 50), {@code TRUCE_CRASH_SEED} to replay a failure.
 */
public abstract class CrashCampaign {
    private static final int DEFAULT_KILLS = 50;
    private static final long DEFAULT_SEED = 20_210_111L;
    private static final int MAX_ACKS_BEFORE_KILL = 6;

    @TempDir
    protected Path tmp;

    /** The data directory the child serves from (its node key, lock and, for SQLite, the store). */
    protected abstract Path dataDir();

    /** Extra arguments the child needs to reach the store (none for SQLite). */
    protected abstract List<String> storeArgs();

    /** Opens the store as the killed child left it; the caller closes it. */
    protected abstract LedgerStore openStore();

    static int kills() {
        String v = System.getenv("TRUCE_CRASH_KILLS");
        return v == null || v.isBlank() ? DEFAULT_KILLS : Integer.parseInt(v.trim());
    }

    static long seed() {
        String v = System.getenv("TRUCE_CRASH_SEED");
        return v == null || v.isBlank() ? DEFAULT_SEED : Long.parseLong(v.trim());
    }

    @Test
    void every_acknowledged_request_survives_sigkill_once_and_whole_and_the_ledger_verifies() throws Exception {
        long seed = seed();
        Random random = new Random(seed);
        Set<Long> acked = new HashSet<>();
        int retryRound = -1;
        int retryIndex = -1;
        for (int round = 0; round < kills(); round++) {
            String context = "seed " + seed + ", kill " + round;
            int acks = random.nextInt(MAX_ACKS_BEFORE_KILL + 1);
            int lastAcked = killAfter(round, random.nextLong(), acks, retryRound, retryIndex, acked, context);
            checkStore(acked, context);
            retryRound = round;
            retryIndex = lastAcked + 1;
        }
    }

    /** Runs one child until it has acknowledged {@code acks} of its own requests, kills it; returns its last own index acknowledged. */
    private int killAfter(int round, long childSeed, int acks, int retryRound, int retryIndex, Set<Long> acked, String context)
            throws IOException, InterruptedException {
        Path errLog = tmp.resolve("ingester-" + round + ".err");
        List<String> args = new ArrayList<>(List.of(dataDir().toString(), String.valueOf(childSeed), String.valueOf(round),
                String.valueOf(retryRound), String.valueOf(retryIndex)));
        args.addAll(storeArgs());
        Process child = ChildJvm.of(errLog, CrashIngester.class, args.toArray(String[]::new)).start();
        int lastOwn = -1;
        boolean opened = false;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            int seen = 0;
            String line;
            while ((!opened || seen < acks) && (line = out.readLine()) != null) {
                assertThat(line).as(context).doesNotStartWith(CrashIngester.BUG);
                if (line.startsWith(CrashIngester.OPENED)) opened = true;
                if (!line.startsWith(CrashIngester.ACKED)) continue;
                String[] parts = line.split(" ");
                int r = Integer.parseInt(parts[1]);
                int i = Integer.parseInt(parts[2]);
                acked.add(key(r, i));
                if (r == round) {
                    lastOwn = i;
                    seen++;
                }
            }
            child.destroyForcibly().waitFor(); // SIGKILL; acks still in the pipe are lost with it: a sound lower bound
            assertThat(opened && seen == acks).as("%s: the child stopped early; its stderr:%n%s", context, Files.readString(errLog))
                    .isTrue();
        } finally {
            child.destroyForcibly();
        }
        return lastOwn;
    }

    private void checkStore(Set<Long> acked, String context) throws IOException {
        NoteVerifier key = NoteVerifier.parse(Files.readString(dataDir().resolve("node-key.pub")).strip());
        Map<Long, Set<Integer>> requests = new HashMap<>();
        Map<String, Integer> clientIds = new HashMap<>();
        long[] lastRecorded = {Long.MIN_VALUE};
        try (LedgerStore store = openStore()) {
            // the node's remembered head, which a kill may leave behind the store but never ahead of it
            Path highest = dataDir().resolve(HighestHead.FILE);
            List<LedgerVerifier.Pin> pins = Files.exists(highest)
                    ? List.of(new LedgerVerifier.Pin("the highest head", Files.readString(highest))) : List.of();
            LedgerVerifier.Verdict verdict = LedgerVerifier.verify(store, List.of(key), pins, done -> { });
            assertThat(verdict.ok()).as("%s: %s", context, verdict).isTrue();
            store.forEach(0, row -> {
                Entry entry = EntryCodec.decode(row.bytes());
                clientIds.merge(entry.clientId(), 1, Integer::sum);
                assertThat(entry.recordedAt().toEpochMilli()).as(context + ": recordedAt at seq " + row.seq())
                        .isGreaterThanOrEqualTo(lastRecorded[0]);
                lastRecorded[0] = entry.recordedAt().toEpochMilli();
                int[] id = CrashRequests.parse(entry.clientId());
                if (id != null) requests.computeIfAbsent(key(id[0], id[1]), k -> new HashSet<>()).add(id[2]);
            });
        }
        assertThat(clientIds).as(context + ": every client id once").allSatisfy((id, n) -> assertThat(n).as(id).isEqualTo(1));
        requests.forEach((request, drafts) -> assertThat(drafts).as("%s: request %s is whole", context, request)
                .hasSize(CrashRequests.draftCount((int) (request / 1_000_000), (int) (request % 1_000_000))));
        assertThat(requests.keySet()).as(context + ": every acknowledged request is stored").containsAll(acked);
    }

    private static long key(int round, int index) {
        return round * 1_000_000L + index;
    }
}
