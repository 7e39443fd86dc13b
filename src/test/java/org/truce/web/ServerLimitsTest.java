package org.truce.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The server limits read from the environment, and the pacing rule a request body is held to. */
class ServerLimitsTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void unset_settings_take_the_defaults() {
        assertThat(ServerLimits.configured(name -> null)).isEqualTo(ServerLimits.DEFAULT);
        assertThat(ServerLimits.DEFAULT).isEqualTo(new ServerLimits(64, 240, Duration.ofSeconds(5), Duration.ofSeconds(300)));
    }

    @Test
    void settings_are_read_as_whole_numbers() {
        var env = Map.of(ServerLimits.MAX_CONNECTIONS_PER_ADDRESS, " 8 ", ServerLimits.MIN_REQUEST_DATA_RATE, "0",
                ServerLimits.REQUEST_DATA_GRACE, "2", ServerLimits.REQUEST_BODY_TIMEOUT, "60");
        assertThat(ServerLimits.configured(env::get)).isEqualTo(new ServerLimits(8, 0, Duration.ofSeconds(2), Duration.ofSeconds(60)));
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({"TRUCE_MAX_CONNECTIONS_PER_ADDRESS, 0", "TRUCE_MAX_CONNECTIONS_PER_ADDRESS, many", "TRUCE_MIN_REQUEST_DATA_RATE, -1",
            "TRUCE_REQUEST_DATA_GRACE, 1.5", "TRUCE_REQUEST_BODY_TIMEOUT, 0"})
    void a_bad_setting_is_refused_naming_it_and_its_value(String name, String value) {
        assertThatThrownBy(() -> ServerLimits.configured(Map.of(name, value)::get))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith(name + " must be").hasMessageEndingWith("not " + value);
        assertThatThrownBy(() -> WebApp.checkEnvironment(Map.of(name, value)::get)).hasMessageStartingWith(name);
    }

    @Test
    void a_body_below_the_rate_is_judged_only_after_the_grace_period() {
        SlowBodies paced = new SlowBodies(240, Duration.ofSeconds(5), Duration.ofSeconds(300));
        assertThat(paced.verdict(1, 5 * SECOND)).as("one byte in the grace period").isNull();
        assertThat(paced.verdict(1, 5 * SECOND + 1)).as("one byte past it").isEqualTo("the request body came slower than 240 bytes a second");
        assertThat(paced.verdict(240 * 6, 6 * SECOND)).as("exactly the rate").isNull();
        assertThat(paced.verdict(240 * 6 - 1, 6 * SECOND)).as("a byte short of it").isNotNull();
    }

    @Test
    void a_body_is_cut_at_the_time_limit_whatever_its_rate() {
        SlowBodies paced = new SlowBodies(0, Duration.ZERO, Duration.ofSeconds(300));
        assertThat(paced.verdict(0, 300 * SECOND)).isNull();
        assertThat(paced.verdict(8L << 20, 300 * SECOND + 1)).isEqualTo("the request body took longer than 300 s");
    }

    @Test
    void bad_pacing_is_refused() {
        assertThatThrownBy(() -> new SlowBodies(-1, Duration.ZERO, Duration.ofSeconds(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SlowBodies(1, Duration.ZERO, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ConnectionsPerAddress(null, 0, a -> false)).isInstanceOf(IllegalArgumentException.class);
    }
}
