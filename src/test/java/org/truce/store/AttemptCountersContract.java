package org.truce.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.truce.accounts.AttemptCounters;
import org.truce.accounts.SignInThrottle;
import org.truce.support.MutableClock;

/**
 * The behaviour every {@link AttemptCounters} store must have, mostly through the {@link SignInThrottle}
 * that uses it (5 failures per username and 20 per address without delay, then growing delays), and with counters of
 * different windows side by side (readers' messages count by the hour). {@link #open()} twice
 * gives two views of one store (two nodes on one database; in memory, the one instance).
 */
abstract class AttemptCountersContract {

    protected final MutableClock clock = new MutableClock(Instant.parse("2026-11-28T10:00:00Z"));

    protected abstract AttemptCounters open();

    @Test
    void five_admitted_failures_delay_the_username_by_a_second_and_each_further_one_doubles_it() {
        SignInThrottle throttle = new SignInThrottle(clock, open());
        for (int i = 0; i < 5; i++) assertThat(throttle.admit("Alice", "198.51.100." + i)).isEmpty();
        assertThat(throttle.admit(" alice ", "192.0.2.1")).contains(Duration.ofSeconds(1));
        clock.advance(Duration.ofSeconds(1).minusMillis(1));
        assertThat(throttle.admit("alice", "192.0.2.1")).contains(Duration.ofMillis(1));
        clock.advance(Duration.ofMillis(1));
        assertThat(throttle.admit("alice", "192.0.2.1")).isEmpty();
        assertThat(throttle.admit("alice", "192.0.2.2")).contains(Duration.ofSeconds(2));
    }

    @Test
    void failures_older_than_the_window_are_forgotten() {
        SignInThrottle throttle = new SignInThrottle(clock, open());
        for (int i = 0; i < 5; i++) throttle.admit("alice", "198.51.100." + i);
        clock.advance(SignInThrottle.WINDOW);
        for (int i = 0; i < 5; i++) assertThat(throttle.admit("alice", "198.51.100." + i)).isEmpty();
    }

    @Test
    void a_success_forgives_the_username_and_the_attempt_against_the_address() {
        SignInThrottle throttle = new SignInThrottle(clock, open());
        for (int i = 0; i < 4; i++) throttle.admit("alice", "192.0.2.1");
        throttle.admit("alice", "192.0.2.1");
        throttle.succeeded("alice", "192.0.2.1");

        for (int i = 0; i < 5; i++) assertThat(throttle.admit("alice", "192.0.2.2")).isEmpty();
        // the address 192.0.2.1 holds 4 failures (the fifth was the success): 16 more are admitted, not 17
        for (int i = 0; i < 16; i++) assertThat(throttle.admit("user" + i, "192.0.2.1")).isEmpty();
        assertThat(throttle.admit("bob", "192.0.2.1")).contains(Duration.ofSeconds(1));
    }

    @Test
    void failures_through_two_views_count_together() {
        SignInThrottle onA = new SignInThrottle(clock, open());
        SignInThrottle onB = new SignInThrottle(clock, open());
        for (int i = 0; i < 5; i++) (i % 2 == 0 ? onA : onB).admit("alice", "198.51.100." + i);

        assertThat(onA.admit("alice", "192.0.2.1")).contains(Duration.ofSeconds(1));
        assertThat(onB.admit("alice", "192.0.2.1")).contains(Duration.ofSeconds(1));
        onB.succeeded("alice", "192.0.2.1");
        assertThat(onA.admit("alice", "192.0.2.1")).isEmpty();
    }

    @Test
    void a_counter_admitted_with_a_short_window_does_not_forget_another_counters_longer_window() {
        AttemptCounters counters = open();
        Duration hour = Duration.ofHours(1);
        assertThat(counters.admit(List.of(new AttemptCounters.Limit("message:a", 1)), clock.instant(), hour)).isEmpty();
        clock.advance(Duration.ofMinutes(20));
        assertThat(counters.admit(List.of(new AttemptCounters.Limit("user:b", 5)), clock.instant(), Duration.ofMinutes(10))).isEmpty();

        assertThat(counters.admit(List.of(new AttemptCounters.Limit("message:a", 1)), clock.instant(), hour))
                .contains(clock.instant().plus(Duration.ofMinutes(40)));
    }

    @Test
    void a_window_longer_than_the_store_keeps_is_refused() {
        AttemptCounters counters = open();
        var limits = List.of(new AttemptCounters.Limit("message:a", 1));
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> counters.admit(limits, clock.instant(), AttemptCounters.KEPT.plusSeconds(1)))
                .withMessageContaining("window must be positive and at most");
    }

    @Test
    void concurrent_guesses_through_two_views_admit_exactly_the_limit() throws Exception {
        AttemptCounters a = open();
        AttemptCounters b = open();
        int guesses = 16;
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Optional<Duration>>> answers = new ArrayList<>();
            for (int i = 0; i < guesses; i++) {
                SignInThrottle throttle = new SignInThrottle(clock, i % 2 == 0 ? a : b);
                String address = "198.51.100." + i;
                answers.add(pool.submit(() -> {
                    start.await();
                    return throttle.admit("alice", address);
                }));
            }
            start.countDown();
            int admitted = 0;
            for (Future<Optional<Duration>> answer : answers) admitted += answer.get().isEmpty() ? 1 : 0;
            assertThat(admitted).isEqualTo(SignInThrottle.PER_ACCOUNT);
        } finally {
            pool.shutdown();
        }
    }
}
