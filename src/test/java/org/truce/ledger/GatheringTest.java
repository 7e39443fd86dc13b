package org.truce.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class GatheringTest {
    private static final long WINDOW = 800_000;
    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final Gathering gathering = new Gathering(WINDOW, now::get);

    @Test
    void the_first_batch_is_committed_without_waiting() {
        gathering.started();

        assertThat(gathering.waitNanos(1)).isZero();
    }

    @Test
    void after_a_batch_of_one_request_a_lone_client_never_waits() {
        gathering.committed(5);
        gathering.committed(1);
        gathering.started();

        assertThat(gathering.waitNanos(1)).isZero();
    }

    @Test
    void under_load_it_waits_what_is_left_of_the_window_since_the_batch_started() {
        gathering.committed(16);
        gathering.started();
        assertThat(gathering.waitNanos(3)).isEqualTo(WINDOW);

        now.addAndGet(300_000);
        assertThat(gathering.waitNanos(7)).isEqualTo(WINDOW - 300_000);
    }

    @Test
    void it_never_waits_past_the_window() {
        gathering.committed(16);
        gathering.started();

        now.addAndGet(WINDOW);
        assertThat(gathering.waitNanos(3)).isZero();
        now.addAndGet(1);
        assertThat(gathering.waitNanos(3)).isZero();
    }

    @Test
    void it_stops_waiting_once_the_batch_is_as_large_as_the_largest_recent_one() {
        gathering.committed(16);
        gathering.committed(9);
        gathering.started();

        assertThat(gathering.waitNanos(15)).isPositive();
        assertThat(gathering.waitNanos(16)).isZero();
        assertThat(gathering.waitNanos(20)).isZero();
    }

    @Test
    void a_large_batch_is_forgotten_after_as_many_batches_as_it_remembers() {
        gathering.committed(16);
        for (int i = 0; i < Gathering.MEMORY; i++) gathering.committed(4);
        gathering.started();

        assertThat(gathering.waitNanos(4)).isZero();
        assertThat(gathering.waitNanos(3)).isPositive();
    }
}
