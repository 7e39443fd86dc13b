package org.truce.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.truce.accounts.MemorySessionStore;
import org.truce.support.MutableClock;

/** The session policy over a real (in-memory) session store and a hand-moved clock. */
class SessionsTest {
    private static final Instant T0 = Instant.parse("2026-11-29T08:00:00Z");
    private final MutableClock clock = new MutableClock(T0);
    private final MemorySessionStore store = new MemorySessionStore();
    private final Sessions sessions = new Sessions(store, new SecureRandom(), clock);

    @Test
    void the_last_use_is_written_at_most_once_a_minute() {
        String id = sessions.create("u-1").id();

        clock.advance(Duration.ofSeconds(59));
        assertThat(sessions.find(id)).isPresent();
        assertThat(store.find(id).orElseThrow().lastSeen()).isEqualTo(T0);

        clock.advance(Duration.ofSeconds(1));
        assertThat(sessions.find(id)).isPresent();
        assertThat(store.find(id).orElseThrow().lastSeen()).isEqualTo(T0.plusSeconds(60));
    }

    @Test
    void a_session_used_within_the_idle_limit_lives_on_and_one_left_idle_longer_ends() {
        String used = sessions.create("u-1").id();
        String left = sessions.create("u-2").id();
        for (int i = 0; i < 3; i++) {
            clock.advance(Sessions.IDLE.minusMinutes(5));
            assertThat(sessions.find(used)).as("use %d", i).isPresent();
        }
        assertThat(sessions.find(left)).isEmpty();
        assertThat(store.find(left)).isEmpty();
    }

    @Test
    void no_session_outlives_the_absolute_limit_however_often_it_is_used() {
        String id = sessions.create("u-1").id();
        Instant end = T0.plus(Sessions.ABSOLUTE);
        while (clock.instant().isBefore(end)) {
            assertThat(sessions.find(id)).isPresent();
            clock.advance(Duration.ofMinutes(30));
        }
        clock.set(end.plusSeconds(1));
        assertThat(sessions.find(id)).isEmpty();
    }
}
