package org.truce.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.truce.accounts.Account;
import org.truce.accounts.AccountStore;
import org.truce.accounts.Grant;
import org.truce.accounts.Organisation;
import org.truce.accounts.Role;
import org.truce.accounts.StoredToken;

/**
 * The behaviour every {@link AccountStore} adapter must have. A subclass opens a store over its
 * persistent state; two open stores are a server and a CLI, or two nodes, and each sees the other's
 * writes at once.
 */
abstract class AccountStoreContract {

    static final Instant T0 = Instant.parse("2021-01-11T09:00:00.123Z");
    static final Organisation OSCE = new Organisation("osce", "osce-source", "OSCE");
    static final Organisation ICRC = new Organisation("icrc", "icrc", "ICRC");

    protected abstract AccountStore open();

    static Account account(String id, String org, String username) {
        return new Account("u-" + id, org, username, false, T0);
    }

    @Test
    void who_recorded_an_entry_awaiting_review_is_kept_across_reopen_and_never_overwritten() {
        try (AccountStore store = open()) {
            store.noteRecorded(List.of("r-1", "r-2"), "acct-a");
            store.noteRecorded(List.of("r-2"), "acct-b");
        }
        try (AccountStore store = open()) {
            assertThat(store.recordedBy("r-1")).contains("acct-a");
            assertThat(store.recordedBy("r-2")).contains("acct-a");
            assertThat(store.recordedBy("r-3")).isEmpty();
        }
    }

    @Test
    void a_whole_import_of_entries_awaiting_review_is_noted_at_once() {
        List<String> ids = java.util.stream.IntStream.range(0, 5_000).mapToObj(i -> "bulk-" + i).toList();
        try (AccountStore store = open()) {
            store.noteRecorded(List.of(), "acct-a");
            store.noteRecorded(ids, "acct-a");
        }
        try (AccountStore store = open()) {
            assertThat(store.recordedBy("bulk-0")).contains("acct-a");
            assertThat(store.recordedBy("bulk-4999")).contains("acct-a");
            assertThat(store.recordedBy("bulk-5000")).isEmpty();
        }
    }

    @Test
    void organisations_are_added_once_and_listed_by_id() {
        try (AccountStore store = open()) {
            assertThat(store.addOrganisation(OSCE)).isTrue();
            assertThat(store.addOrganisation(ICRC)).isTrue();
            assertThat(store.addOrganisation(new Organisation("osce", "other", "Other"))).isFalse();

            assertThat(store.organisation("osce")).contains(OSCE);
            assertThat(store.organisation("nobody")).isEmpty();
            assertThat(store.organisations()).containsExactly(ICRC, OSCE);
        }
    }

    @Test
    void an_account_is_added_with_its_grants_and_read_back_by_id_and_username_after_reopen() {
        Account alice = account("aaaaaaaaaaaa", "osce", "alice");
        try (AccountStore store = open()) {
            store.addOrganisation(OSCE);
            store.addOrganisation(ICRC);
            assertThat(store.addAccount(alice, "$argon2id$alice", List.of(new Grant(Role.VERIFIER, "osce"),
                    new Grant(Role.REPORTER, "icrc"), new Grant(Role.REPORTER, "osce")))).isTrue();
        }
        try (AccountStore store = open()) {
            assertThat(store.account(alice.id())).contains(alice);
            assertThat(store.accountByUsername("alice")).contains(alice);
            assertThat(store.accountByUsername("bob")).isEmpty();
            assertThat(store.passwordHash(alice.id())).contains("$argon2id$alice");
            assertThat(store.passwordHash("u-zzzzzzzzzzzz")).isEmpty();
            assertThat(store.grants(alice.id())).containsExactly(new Grant(Role.REPORTER, "icrc"),
                    new Grant(Role.REPORTER, "osce"), new Grant(Role.VERIFIER, "osce"));
        }
    }

    @Test
    void a_taken_username_adds_nothing_not_even_the_grants() {
        try (AccountStore store = open()) {
            store.addOrganisation(OSCE);
            store.addAccount(account("aaaaaaaaaaaa", "osce", "alice"), "h1", List.of());

            assertThat(store.addAccount(account("bbbbbbbbbbbb", "osce", "alice"), "h2",
                    List.of(new Grant(Role.ADMIN, "osce")))).isFalse();

            assertThat(store.account("u-bbbbbbbbbbbb")).isEmpty();
            assertThat(store.grants("u-bbbbbbbbbbbb")).isEmpty();
            assertThat(store.anyEnabledAccountHolds(Role.ADMIN)).isFalse();
        }
    }

    @Test
    void an_account_in_an_unknown_organisation_is_refused_and_nothing_is_written() {
        try (AccountStore store = open()) {
            assertThatThrownBy(() -> store.addAccount(account("aaaaaaaaaaaa", "nowhere", "alice"), "h", List.of()))
                    .isInstanceOf(org.truce.ledger.StoreFailure.class);
            assertThat(store.accounts(null)).isEmpty();
        }
    }

    @Test
    void accounts_are_listed_per_organisation_or_all_by_username() {
        try (AccountStore store = open()) {
            store.addOrganisation(OSCE);
            store.addOrganisation(ICRC);
            Account carol = account("cccccccccccc", "icrc", "carol");
            Account alice = account("aaaaaaaaaaaa", "osce", "alice");
            Account bob = account("bbbbbbbbbbbb", "osce", "bob");
            for (Account a : List.of(carol, bob, alice)) store.addAccount(a, "h", List.of());

            assertThat(store.accounts("osce")).containsExactly(alice, bob);
            assertThat(store.accounts(null)).containsExactly(alice, bob, carol);
            assertThat(store.accounts("nobody")).isEmpty();
        }
    }

    @Test
    void grants_and_the_disabled_flag_change_what_any_enabled_account_holds() {
        try (AccountStore store = open()) {
            store.addOrganisation(OSCE);
            Account alice = account("aaaaaaaaaaaa", "osce", "alice");
            store.addAccount(alice, "h", List.of());
            Grant admin = new Grant(Role.ADMIN, "osce");

            assertThat(store.addGrant(alice.id(), admin)).isTrue();
            assertThat(store.addGrant(alice.id(), admin)).isFalse();
            assertThat(store.anyEnabledAccountHolds(Role.ADMIN)).isTrue();
            assertThat(store.setDisabled(alice.id(), true)).isTrue();
            assertThat(store.account(alice.id()).orElseThrow().disabled()).isTrue();
            assertThat(store.anyEnabledAccountHolds(Role.ADMIN)).isFalse();
            assertThat(store.setDisabled(alice.id(), false)).isTrue();
            assertThat(store.setDisabled("u-zzzzzzzzzzzz", true)).isFalse();
            assertThat(store.removeGrant(alice.id(), admin)).isTrue();
            assertThat(store.removeGrant(alice.id(), admin)).isFalse();
            assertThat(store.anyEnabledAccountHolds(Role.ADMIN)).isFalse();
        }
    }

    @Test
    void a_token_keeps_its_hash_and_times_and_is_revoked_once() {
        try (AccountStore store = open()) {
            store.addOrganisation(OSCE);
            Account alice = account("aaaaaaaaaaaa", "osce", "alice");
            store.addAccount(alice, "h", List.of());
            byte[] hash = new byte[32];
            for (int i = 0; i < hash.length; i++) hash[i] = (byte) (i * 7);
            StoredToken token = new StoredToken("tok-1", alice.id(), "laptop", hash, T0, T0.plus(Duration.ofDays(30)), null, null);
            store.addToken(token);

            assertThat(store.token("tok-1")).contains(token);
            assertThat(store.token("tok-2")).isEmpty();
            Instant used = T0.plusSeconds(60);
            store.tokenUsed("tok-1", used);
            Instant revoked = T0.plusSeconds(120);
            assertThat(store.revokeToken("tok-1", revoked)).isTrue();
            assertThat(store.revokeToken("tok-1", revoked.plusSeconds(1))).isFalse();
            assertThat(store.revokeToken("tok-2", revoked)).isFalse();
            assertThat(store.token("tok-1")).contains(new StoredToken("tok-1", alice.id(), "laptop", hash, T0,
                    T0.plus(Duration.ofDays(30)), revoked, used));
        }
    }

    @Test
    void a_change_through_one_store_is_seen_by_another_at_once() {
        try (AccountStore server = open(); AccountStore other = open()) {
            server.addOrganisation(OSCE);
            Account alice = account("aaaaaaaaaaaa", "osce", "alice");
            other.addAccount(alice, "h", List.of(new Grant(Role.ANALYST, "osce")));

            assertThat(server.accountByUsername("alice")).contains(alice);
            other.removeGrant(alice.id(), new Grant(Role.ANALYST, "osce"));
            assertThat(server.grants(alice.id())).isEmpty();
        }
    }

    @Test
    void two_stores_adding_the_same_username_at_once_add_it_once() throws Exception {
        int threads = 8;
        try (AccountStore a = open(); AccountStore b = open()) {
            a.addOrganisation(OSCE);
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            List<Future<Boolean>> adds = new ArrayList<>();
            try {
                CountDownLatch start = new CountDownLatch(1);
                for (int t = 0; t < threads; t++) {
                    AccountStore store = t % 2 == 0 ? a : b;
                    Account account = account("a" + "bcdefghijkl".charAt(t) + "aaaaaaaaaa", "osce", "same-name");
                    adds.add(pool.submit(() -> {
                        start.await();
                        return store.addAccount(account, "h", List.of(new Grant(Role.REPORTER, "osce")));
                    }));
                }
                start.countDown();
                int added = 0;
                for (Future<Boolean> add : adds) added += add.get() ? 1 : 0;
                assertThat(added).isEqualTo(1);
            } finally {
                pool.shutdown();
            }
            assertThat(b.accounts("osce")).hasSize(1);
            assertThat(a.grants(a.accountByUsername("same-name").orElseThrow().id())).hasSize(1);
        }
    }

    @Test
    void a_closed_store_refuses_calls() {
        AccountStore store = open();
        store.close();
        store.close();
        assertThatThrownBy(store::organisations).isInstanceOf(IllegalStateException.class)
                .hasMessage("the accounts store is closed");
    }
}
