package org.truce.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Argon2id in the PHC string format with the OWASP minimum parameters (RFC 9106, OWASP password storage). */
class PasswordHasherTest {
    final PasswordHasher hasher = new PasswordHasher(new SecureRandom());

    @Test
    void a_hash_is_an_argon2id_phc_string_with_the_owasp_minimum_parameters() {
        String phc = hasher.hash("correct horse battery".toCharArray());

        assertThat(phc).matches("\\$argon2id\\$v=19\\$m=19456,t=2,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
        String[] parts = phc.split("\\$");
        assertThat(Base64.getDecoder().decode(parts[4])).hasSize(16);
        assertThat(Base64.getDecoder().decode(parts[5])).hasSize(32);
    }

    @Test
    void the_right_password_verifies_and_a_wrong_one_does_not() {
        String phc = hasher.hash("correct horse battery".toCharArray());

        assertThat(hasher.verify(phc, "correct horse battery".toCharArray())).isTrue();
        assertThat(hasher.verify(phc, "correct horse batterY".toCharArray())).isFalse();
        assertThat(hasher.verify(phc, "".toCharArray())).isFalse();
    }

    @Test
    void the_same_password_hashes_differently_each_time_because_of_the_salt() {
        String a = hasher.hash("correct horse battery".toCharArray());
        String b = hasher.hash("correct horse battery".toCharArray());

        assertThat(a).isNotEqualTo(b);
    }

    @Test
    void parameters_are_read_from_the_stored_string() {
        String cheap = new PasswordHasher(new SecureRandom(), 64, 1, 2).hash("correct horse battery".toCharArray());
        assertThat(cheap).startsWith("$argon2id$v=19$m=64,t=1,p=2$");

        assertThat(hasher.verify(cheap, "correct horse battery".toCharArray())).isTrue();
        assertThat(hasher.verify(cheap.replace("t=1,", "t=2,"), "correct horse battery".toCharArray())).isFalse();
    }

    @Test
    void non_ascii_passwords_are_hashed_as_utf8() {
        char[] password = "Ղարաբաղ Qarabağ Карабах".toCharArray();
        String phc = hasher.hash(password);

        assertThat(hasher.verify(phc, "Ղարաբաղ Qarabağ Карабах".toCharArray())).isTrue();
        assertThat(hasher.verify(phc, "Ղարաբաղ Qarabag Карабах".toCharArray())).isFalse();
    }

    @Test
    void a_stored_string_that_is_not_argon2id_is_refused_rather_than_treated_as_a_mismatch() {
        assertThatThrownBy(() -> hasher.verify("$argon2i$v=19$m=64,t=1,p=1$AAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAA", "x".toCharArray()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Argon2id");
        assertThatThrownBy(() -> hasher.verify("$argon2id$v=19$m=99999999,t=1,p=1$AAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAA",
                "x".toCharArray())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_policy_asks_for_at_least_twelve_and_at_most_1024_characters() {
        assertThatThrownBy(() -> PasswordPolicy.check("eleven char".toCharArray()))
                .isInstanceOfSatisfying(AccountRefused.class, e -> assertThat(e.field()).isEqualTo("password"))
                .hasMessage("password must have at least 12 characters (got 11)");
        PasswordPolicy.check("twelve chars".toCharArray());
        PasswordPolicy.check("x".repeat(1024).toCharArray());
        assertThatThrownBy(() -> PasswordPolicy.check("x".repeat(1025).toCharArray()))
                .hasMessage("password must have at most 1024 characters");
    }
}
