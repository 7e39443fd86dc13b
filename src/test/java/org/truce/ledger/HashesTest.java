package org.truce.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HashesTest {

    @Test
    void the_empty_root_is_the_sha256_of_the_empty_string() {
        assertThat(Hashes.hex(Hashes.emptyRoot()))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    @Test
    void a_leaf_hash_prefixes_0x00_and_a_node_hash_prefixes_0x01() {
        // RFC 6962 §2.1; the hash of the empty leaf is the CT vector's first leaf.
        assertThat(Hashes.hex(Hashes.leafHash(new byte[0])))
                .isEqualTo("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d");
        byte[] left = Hashes.leafHash(new byte[0]), right = Hashes.leafHash(new byte[] {0});
        byte[] concatenated = new byte[65];
        concatenated[0] = 1;
        System.arraycopy(left, 0, concatenated, 1, 32);
        System.arraycopy(right, 0, concatenated, 33, 32);
        assertThat(Hashes.nodeHash(left, right)).isEqualTo(Hashes.sha256(concatenated));
        assertThat(Hashes.nodeHash(left, right)).isNotEqualTo(Hashes.nodeHash(right, left));
    }

    @Test
    void hex_round_trips_and_malformed_hex_is_refused() {
        byte[] bytes = {0, 1, (byte) 0xab, (byte) 0xff};

        assertThat(Hashes.hex(bytes)).isEqualTo("0001abff");
        assertThat(Hashes.fromHex("0001ABff")).isEqualTo(bytes);
        assertThatThrownBy(() -> Hashes.fromHex("abc")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not hexadecimal");
        assertThatThrownBy(() -> Hashes.fromHex("zz")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_node_hash_of_a_child_that_is_not_32_bytes_is_refused() {
        assertThatThrownBy(() -> Hashes.nodeHash(new byte[32], new byte[5]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("right must be a 32-byte hash, got 5 bytes");
    }
}
