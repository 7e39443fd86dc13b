package org.truce.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.truce.accounts.AccountsFixture.pw;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.truce.store.AccountStores;

/** Personal API tokens: shown once, stored as a hash, refused once expired, revoked or disabled. */
class AccountTokensTest {
    @TempDir
    Path dir;
    AccountsFixture f;
    Accounts accounts;
    Account alice;

    @BeforeEach
    void open() {
        f = new AccountsFixture(dir);
        accounts = f.accounts;
        accounts.createOrg("anama", "anama", "ANAMA");
        alice = accounts.createUser("anama", "alice", pw("correct horse battery"), Set.of(Role.REPORTER));
    }

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void an_issued_token_authenticates_its_owner() {
        IssuedToken token = accounts.createToken("alice", "field tablet 3", Duration.ofDays(90));

        assertThat(token.id()).matches("[a-z2-7]{10}");
        assertThat(token.text()).isEqualTo("truce_" + token.id() + "_" + token.secret());
        assertThat(token.secret()).matches("[A-Za-z0-9_-]{43}");
        assertThat(token.expiresAt()).isEqualTo(AccountsFixture.START.plus(Duration.ofDays(90)));
        assertThat(token.toString()).doesNotContain(token.secret());

        Principal p = accounts.authenticateToken(token.text()).orElseThrow();
        assertThat(p.accountId()).isEqualTo(alice.id());
        assertThat(p.via()).isEqualTo("token");
        assertThat(p.has(Role.REPORTER)).isTrue();
    }

    @Test
    void the_secret_is_not_stored_in_the_clear() throws IOException {
        IssuedToken token = accounts.createToken("alice", "field tablet 3", Duration.ofDays(90));
        assertThat(accounts.authenticateToken(token.text())).isPresent();

        byte[] secret = token.secret().getBytes(StandardCharsets.US_ASCII);
        List<Path> files;
        try (Stream<Path> listing = Files.list(dir)) {
            files = listing.filter(p -> p.getFileName().toString().startsWith(AccountStores.FILE)).toList();
        }
        assertThat(files).isNotEmpty();
        for (Path file : files) assertThat(indexOf(Files.readAllBytes(file), secret)).as(file.toString()).isEqualTo(-1);
        StoredToken stored = f.store.token(token.id()).orElseThrow();
        assertThat(stored.secretHash()).hasSize(32);
    }

    @Test
    void an_expired_token_is_refused() {
        IssuedToken token = accounts.createToken("alice", "tablet", Duration.ofDays(1));

        f.clock.advance(Duration.ofDays(1).minusMillis(1));
        assertThat(accounts.authenticateToken(token.text())).isPresent();
        f.clock.advance(Duration.ofMillis(1));
        assertThat(accounts.authenticateToken(token.text())).isEmpty();
    }

    @Test
    void a_revoked_token_is_refused_even_when_revoked_through_another_store() {
        IssuedToken a = accounts.createToken("alice", "tablet a", Duration.ofDays(30));
        IssuedToken b = accounts.createToken("alice", "tablet b", Duration.ofDays(30));

        assertThat(accounts.revokeToken(a.id())).isTrue();
        assertThat(accounts.revokeToken(a.id())).isFalse();
        assertThat(accounts.authenticateToken(a.text())).isEmpty();

        try (AccountStore cli = AccountStores.open(dir)) {
            assertThat(cli.revokeToken(b.id(), f.clock.instant())).isTrue();
        }
        assertThat(accounts.authenticateToken(b.text())).isEmpty();
    }

    @Test
    void a_disabled_accounts_token_is_refused() {
        IssuedToken token = accounts.createToken("alice", "tablet", Duration.ofDays(30));
        accounts.setDisabled("alice", true);

        assertThat(accounts.authenticateToken(token.text())).isEmpty();
    }

    @Test
    void a_forged_or_malformed_token_is_refused() {
        IssuedToken token = accounts.createToken("alice", "tablet", Duration.ofDays(30));
        char last = token.secret().charAt(42);
        String otherSecret = token.secret().substring(0, 42) + (last == 'A' ? 'B' : 'A');

        assertThat(accounts.authenticateToken("truce_" + token.id() + "_" + otherSecret)).isEmpty();
        assertThat(accounts.authenticateToken("truce_aaaaaaaaaa_" + token.secret())).isEmpty();
        assertThat(accounts.authenticateToken(token.text().substring(1))).isEmpty();
        assertThat(accounts.authenticateToken("")).isEmpty();
        assertThat(accounts.authenticateToken(null)).isEmpty();
    }

    @Test
    void using_a_token_records_when_it_was_last_used() {
        IssuedToken token = accounts.createToken("alice", "tablet", Duration.ofDays(30));
        assertThat(f.store.token(token.id()).orElseThrow().lastUsedAt()).isNull();

        f.clock.advance(Duration.ofHours(2));
        accounts.authenticateToken(token.text());

        assertThat(f.store.token(token.id()).orElseThrow().lastUsedAt()).isEqualTo(AccountsFixture.START.plus(Duration.ofHours(2)));
    }

    @Test
    void a_token_must_expire_within_366_days() {
        assertThatThrownBy(() -> accounts.createToken("alice", "tablet", Duration.ofDays(367)))
                .isInstanceOfSatisfying(AccountRefused.class, e -> assertThat(e.field()).isEqualTo("ttl"));
        assertThatThrownBy(() -> accounts.createToken("alice", "tablet", Duration.ZERO))
                .isInstanceOfSatisfying(AccountRefused.class, e -> assertThat(e.field()).isEqualTo("ttl"));
        assertThatThrownBy(() -> accounts.createToken("alice", "tablet", null))
                .isInstanceOfSatisfying(AccountRefused.class, e -> assertThat(e.field()).isEqualTo("ttl"));
        assertThat(accounts.createToken("alice", "tablet", Duration.ofDays(366)).expiresAt())
                .isEqualTo(AccountsFixture.START.plus(Duration.ofDays(366)));
    }

    @Test
    void a_token_for_an_unknown_user_is_refused_naming_the_field() {
        assertThatThrownBy(() -> accounts.createToken("nobody", "tablet", Duration.ofDays(1)))
                .isInstanceOfSatisfying(AccountRefused.class, e -> assertThat(e.field()).isEqualTo("username"));
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) if (haystack[i + j] != needle[j]) continue outer;
            return i;
        }
        return -1;
    }
}
