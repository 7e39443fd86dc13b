package org.truce.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.truce.accounts.AccountsFixture.pw;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Password sign-in and its throttle: 5 failures per username and 20 per address without delay, then a
 * delay of 1 s doubling with each failure up to 15 minutes; failures forgotten after a day.
 */
class SignInTest {
    static final String PASSWORD = "correct horse battery";
    static final String HOME = "203.0.113.7";

    @TempDir
    Path dir;
    AccountsFixture f;
    Accounts accounts;
    Account alice;

    @BeforeEach
    void open() {
        f = new AccountsFixture(dir);
        accounts = f.accounts;
        accounts.createOrg("icrc", "icrc", "ICRC");
        alice = accounts.createUser("icrc", "alice", pw(PASSWORD), Set.of(Role.ANALYST));
    }

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void the_right_password_signs_in_with_the_accounts_grants() {
        SignIn result = accounts.signIn("alice", pw(PASSWORD), HOME);

        assertThat(result).isInstanceOfSatisfying(SignIn.Ok.class, ok -> {
            assertThat(ok.principal().accountId()).isEqualTo(alice.id());
            assertThat(ok.principal().via()).isEqualTo("password");
            assertThat(ok.principal().has(Role.ANALYST)).isTrue();
        });
    }

    @Test
    void a_wrong_password_an_unknown_user_and_a_disabled_account_get_the_same_refusal() {
        assertThat(accounts.signIn("alice", pw("wrong password!"), HOME)).isEqualTo(new SignIn.Refused());
        assertThat(accounts.signIn("mallory", pw(PASSWORD), HOME)).isEqualTo(new SignIn.Refused());
        assertThat(accounts.signIn("Not a username!", pw(PASSWORD), HOME)).isEqualTo(new SignIn.Refused());
        accounts.setDisabled("alice", true);
        assertThat(accounts.signIn("alice", pw(PASSWORD), HOME)).isEqualTo(new SignIn.Refused());
    }

    @Test
    void five_failures_for_an_account_delay_even_the_right_password() {
        for (int i = 0; i < 5; i++) {
            assertThat(accounts.signIn("alice", pw("wrong password " + i), "198.51.100." + i)).isEqualTo(new SignIn.Refused());
        }
        assertThat(accounts.signIn("alice", pw(PASSWORD), HOME)).isEqualTo(new SignIn.Throttled(Duration.ofSeconds(1)));
    }

    @Test
    void the_account_is_allowed_again_the_moment_its_delay_has_passed() {
        for (int i = 0; i < 5; i++) accounts.signIn("alice", pw("wrong password " + i), HOME);
        f.clock.advance(Duration.ofSeconds(1).minusMillis(1));
        assertThat(accounts.signIn("alice", pw(PASSWORD), HOME)).isEqualTo(new SignIn.Throttled(Duration.ofMillis(1)));

        f.clock.advance(Duration.ofMillis(1));
        assertThat(accounts.signIn("alice", pw(PASSWORD), HOME)).isInstanceOf(SignIn.Ok.class);
    }

    @Test
    void twenty_failures_from_one_address_across_usernames_delay_the_address() {
        for (int i = 0; i < 20; i++) {
            assertThat(accounts.signIn("user" + i, pw(PASSWORD), HOME)).isEqualTo(new SignIn.Refused());
        }

        assertThat(accounts.signIn("alice", pw(PASSWORD), HOME)).isEqualTo(new SignIn.Throttled(Duration.ofSeconds(1)));
        assertThat(accounts.signIn("alice", pw(PASSWORD), "192.0.2.1")).isInstanceOf(SignIn.Ok.class);

        f.clock.advance(Duration.ofSeconds(1));
        assertThat(accounts.signIn("alice", pw(PASSWORD), HOME)).isInstanceOf(SignIn.Ok.class);
    }

    @Test
    void ipv6_addresses_are_counted_per_64_so_rotating_within_one_host_block_does_not_help() {
        for (int i = 0; i < 20; i++) {
            accounts.signIn("user" + i, pw(PASSWORD), "2001:db8:1:2::" + Integer.toHexString(i + 1));
        }
        assertThat(accounts.signIn("alice", pw(PASSWORD), "2001:db8:1:2:ffff::9")).isEqualTo(new SignIn.Throttled(Duration.ofSeconds(1)));
        assertThat(accounts.signIn("alice", pw(PASSWORD), "2001:db8:1:3::1")).isInstanceOf(SignIn.Ok.class);
        assertThat(SignInThrottle.network("203.0.113.7")).isEqualTo("203.0.113.7");
    }

    @Test
    void an_unknown_username_is_delayed_like_a_known_one() {
        for (int i = 0; i < 5; i++) accounts.signIn("mallory", pw("guess number " + i), HOME);

        assertThat(accounts.signIn("mallory", pw("guess number 5"), HOME)).isEqualTo(new SignIn.Throttled(Duration.ofSeconds(1)));
    }

    @Test
    void a_successful_sign_in_forgives_the_accounts_earlier_failures() {
        for (int i = 0; i < 4; i++) accounts.signIn("alice", pw("wrong password " + i), HOME);
        assertThat(accounts.signIn("Alice", pw(PASSWORD), HOME)).isInstanceOf(SignIn.Ok.class);

        for (int i = 0; i < 4; i++) {
            assertThat(accounts.signIn("alice", pw("wrong again " + i), HOME)).isEqualTo(new SignIn.Refused());
        }
        assertThat(accounts.signIn("alice", pw(PASSWORD), HOME)).isInstanceOf(SignIn.Ok.class);
    }

    @Test
    void the_password_array_is_cleared_even_when_throttled() {
        for (int i = 0; i < 5; i++) accounts.signIn("alice", pw("wrong password " + i), HOME);
        char[] password = pw(PASSWORD);

        assertThat(accounts.signIn("alice", password, HOME)).isInstanceOf(SignIn.Throttled.class);
        assertThat(password).containsOnly('\0');
    }

    @Test
    void five_wrong_passwords_from_five_addresses_then_after_the_delay_the_right_password_from_a_sixth_signs_in() {
        for (int i = 0; i < 5; i++) {
            assertThat(accounts.signIn("alice", pw("wrong password " + i), "198.51.100." + i)).isEqualTo(new SignIn.Refused());
        }
        assertThat(accounts.signIn("alice", pw(PASSWORD), "192.0.2.6")).isEqualTo(new SignIn.Throttled(Duration.ofSeconds(1)));

        f.clock.advance(Duration.ofSeconds(1));
        assertThat(accounts.signIn("alice", pw(PASSWORD), "192.0.2.6")).isInstanceOf(SignIn.Ok.class);
    }

    @Test
    void each_failure_past_the_fifth_doubles_the_accounts_delay_up_to_fifteen_minutes() {
        for (int i = 0; i < 5; i++) accounts.signIn("alice", pw("wrong password " + i), "198.51.100." + i);
        for (int k = 0; k < 12; k++) {
            Duration delay = Duration.ofSeconds(Math.min(1L << k, 900));
            assertThat(accounts.signIn("alice", pw("another guess " + k), HOME)).isEqualTo(new SignIn.Throttled(delay));
            f.clock.advance(delay);
            assertThat(accounts.signIn("alice", pw("another guess " + k), "198.51.100." + k)).isEqualTo(new SignIn.Refused());
        }
        assertThat(accounts.signIn("alice", pw(PASSWORD), HOME)).isEqualTo(new SignIn.Throttled(Duration.ofMinutes(15)));
    }

    @Test
    void attempts_refused_while_delayed_do_not_extend_the_delay() {
        for (int i = 0; i < 5; i++) accounts.signIn("alice", pw("wrong password " + i), "198.51.100." + i);
        f.clock.advance(Duration.ofSeconds(1));
        assertThat(accounts.signIn("alice", pw("wrong password 5"), "198.51.100.5")).isEqualTo(new SignIn.Refused());
        for (int i = 0; i < 100; i++) {
            assertThat(accounts.signIn("alice", pw("hammering " + i), "198.51.100.9")).isInstanceOf(SignIn.Throttled.class);
            f.clock.advance(Duration.ofMillis(10));
        }
        // six failures: 2 s after the last one; a second of hammering has not moved it
        assertThat(accounts.signIn("alice", pw(PASSWORD), HOME)).isEqualTo(new SignIn.Throttled(Duration.ofSeconds(1)));
        f.clock.advance(Duration.ofSeconds(1));
        assertThat(accounts.signIn("alice", pw(PASSWORD), HOME)).isInstanceOf(SignIn.Ok.class);
    }

    @Test
    void failures_are_forgotten_a_day_after_they_were_made() {
        for (int i = 0; i < 10; i++) {
            accounts.signIn("alice", pw("wrong password " + i), "198.51.100." + i);
            f.clock.advance(Duration.ofMinutes(20));
        }
        f.clock.advance(Duration.ofDays(1));
        for (int i = 0; i < 4; i++) assertThat(accounts.signIn("alice", pw("typo " + i), HOME)).isEqualTo(new SignIn.Refused());
        assertThat(accounts.signIn("alice", pw(PASSWORD), HOME)).isInstanceOf(SignIn.Ok.class);
    }
}
