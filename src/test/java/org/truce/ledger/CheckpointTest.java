package org.truce.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CheckpointTest {
    private static final byte[] ROOT = Hashes.fromHex("5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");
    private static final String ROOT_BASE64 = "XcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=";

    @Test
    void the_body_is_origin_size_and_base64_root_each_on_its_own_line() {
        Checkpoint checkpoint = new Checkpoint("truce.example/ledger", 8, ROOT);

        assertThat(checkpoint.body()).isEqualTo("truce.example/ledger\n8\n" + ROOT_BASE64 + "\n");
    }

    @Test
    void a_body_parses_back_to_the_same_checkpoint() {
        Checkpoint checkpoint = new Checkpoint("truce.example/ledger", 8, ROOT);

        assertThat(Checkpoint.parse(checkpoint.body())).isEqualTo(checkpoint);
        assertThat(Checkpoint.parse(checkpoint.body()).rootHash()).isEqualTo(ROOT);
    }

    @Property
    void every_size_round_trips_through_the_body(@ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long size) {
        Checkpoint checkpoint = new Checkpoint("o", size, ROOT);

        assertThat(Checkpoint.parse(checkpoint.body())).isEqualTo(checkpoint);
    }

    @Test
    void the_root_hash_is_copied_in_and_out() {
        byte[] root = ROOT.clone();
        Checkpoint checkpoint = new Checkpoint("o", 1, root);

        root[0] ^= 1;
        checkpoint.rootHash()[1] ^= 1;

        assertThat(checkpoint.rootHash()).isEqualTo(ROOT);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "o\n8\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=",
        "o\n8\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=\n\n",
        "o\n8\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=\nextension\n",
        "o\n8\n",
        "\n8\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=\n",
        "o\n-1\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=\n",
        "o\n+8\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=\n",
        "o\n08\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=\n",
        "o\n 8\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=\n",
        "o\neight\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=\n",
        "o\n9223372036854775808\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=\n",
        "o\n8\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg\n",
        "o\n8\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz-Nw7_RgQyg=\n",
        "o\n8\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQw==\n",
        "o\n8\nAAAA\n",
        "o\n8\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyh=\n",
        "o\r\n8\r\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=\r\n",
    })
    void malformed_bodies_are_refused(String body) {
        assertThatThrownBy(() -> Checkpoint.parse(body)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("checkpoint");
    }

    @Test
    void a_checkpoint_needs_an_origin_on_one_line_a_size_not_below_zero_and_a_32_byte_root() {
        assertThatThrownBy(() -> new Checkpoint("", 1, ROOT)).hasMessage("origin must not be empty");
        assertThatThrownBy(() -> new Checkpoint("a\nb", 1, ROOT)).hasMessage("origin must be a single line");
        assertThatThrownBy(() -> new Checkpoint("o", -1, ROOT)).hasMessage("size -1 must not be negative");
        assertThatThrownBy(() -> new Checkpoint("o", 1, new byte[31]))
                .hasMessage("root hash must be a 32-byte hash, got 31 bytes");
    }
}
