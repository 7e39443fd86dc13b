package org.truce.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.truce.privacy.DataKey;
import org.truce.privacy.DataKeys;

/**
 * The behaviour every {@link DataKeys} adapter must have: one key per case, atomic creation across
 * stores (processes or nodes), and destruction that no later creation undoes. A subclass opens a
 * store over its persistent state; two open stores are two processes or two nodes.
 */
abstract class DataKeysContract {

    /** A new store over the same keys, drawing new keys from {@code random}. */
    protected abstract DataKeys open(SecureRandom random);

    protected DataKeys open() {
        return open(seeded(1107));
    }

    @Test
    void a_case_keeps_its_key_and_other_cases_get_other_keys() {
        try (DataKeys keys = open()) {
            byte[] first = keys.getOrCreate("case-1").bytes();

            assertThat(keys.getOrCreate("case-1").bytes()).isEqualTo(first);
            assertThat(keys.find("case-1")).get().extracting(DataKey::bytes).isEqualTo(first);
            assertThat(keys.getOrCreate("case-2").bytes()).isNotEqualTo(first);
            assertThat(keys.find("case-3")).isEmpty();
        }
        try (DataKeys reopened = open()) {
            assertThat(reopened.find("case-1")).isPresent();
        }
    }

    @Test
    void threads_of_two_stores_asking_for_the_same_new_case_get_the_same_key() throws Exception {
        int threads = 8;
        try (DataKeys server = open(seeded(1)); DataKeys other = open(seeded(2))) {
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            List<byte[]> got = new ArrayList<>();
            try {
                CountDownLatch start = new CountDownLatch(1);
                List<Future<byte[]>> askers = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    DataKeys keys = t % 2 == 0 ? server : other;
                    askers.add(pool.submit(() -> {
                        start.await();
                        return keys.getOrCreate("case-new").bytes();
                    }));
                }
                start.countDown();
                for (Future<byte[]> asker : askers) got.add(asker.get());
            } finally {
                pool.shutdown();
            }

            assertThat(got).allSatisfy(key -> assertThat(key).isEqualTo(got.get(0)));
            assertThat(server.find("case-new")).get().extracting(DataKey::bytes).isEqualTo(got.get(0));
            assertThat(other.find("case-new")).get().extracting(DataKey::bytes).isEqualTo(got.get(0));
        }
    }

    @Test
    void a_key_created_by_one_store_is_found_by_another() {
        try (DataKeys a = open(seeded(1)); DataKeys b = open(seeded(2))) {
            byte[] key = a.getOrCreate("case-shared").bytes();

            assertThat(b.find("case-shared")).get().extracting(DataKey::bytes).isEqualTo(key);
            assertThat(b.getOrCreate("case-shared").bytes()).isEqualTo(key);
        }
    }

    @Test
    void a_destroyed_key_is_gone_for_every_store_and_the_case_never_gets_another() {
        try (DataKeys keys = open(seeded(1)); DataKeys other = open(seeded(2))) {
            keys.getOrCreate("case-erase");
            byte[] kept = keys.getOrCreate("case-kept").bytes();

            assertThat(other.destroy("case-erase")).isTrue();

            assertThat(keys.find("case-erase")).isEmpty();
            assertThat(keys.destroyed("case-erase")).isTrue();
            assertThat(keys.destroyed("case-kept")).isFalse();
            assertThat(keys.find("case-kept")).get().extracting(DataKey::bytes).isEqualTo(kept);
            assertThatThrownBy(() -> keys.getOrCreate("case-erase"))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("the data key of case case-erase was destroyed (its personal data is erased); "
                            + "it cannot get a new key");
        }
    }

    @Test
    void destroying_twice_or_a_case_without_key_says_no_key_was_there_and_still_blocks_new_keys() {
        try (DataKeys keys = open()) {
            keys.getOrCreate("case-1");

            assertThat(keys.destroy("case-1")).isTrue();
            assertThat(keys.destroy("case-1")).isFalse();
            assertThat(keys.destroy("case-never")).isFalse();
            assertThat(keys.destroyed("case-never")).isTrue();
            assertThatThrownBy(() -> keys.getOrCreate("case-never")).isInstanceOf(IllegalStateException.class);
        }
        try (DataKeys reopened = open()) {
            assertThat(reopened.destroyed("case-1")).isTrue();
        }
    }

    @Test
    void a_blank_case_id_is_refused_and_a_closed_store_refuses_calls() {
        DataKeys keys = open();
        assertThatThrownBy(() -> keys.getOrCreate(" ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("case id must not be blank");
        keys.close();
        assertThatThrownBy(() -> keys.find("case-1")).isInstanceOf(IllegalStateException.class)
                .hasMessage("the key store is closed");
    }

    static SecureRandom seeded(long seed) {
        try {
            SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
            random.setSeed(seed);
            return random;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
