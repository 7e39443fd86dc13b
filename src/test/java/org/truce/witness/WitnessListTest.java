package org.truce.witness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.truce.ledger.CosignerKey;

/** The node's witnesses from TRUCE_WITNESSES and TRUCE_WITNESS_QUORUM; every fault names the variable. */
class WitnessListTest {
    @TempDir
    Path dir;

    private String key(String name) {
        return CosignerKey.loadOrCreate(dir.resolve(name), name).verifierKey();
    }

    private WitnessList read(String file, String quorum) throws Exception {
        Path f = Files.writeString(dir.resolve("witnesses.txt"), file);
        return WitnessList.configured(Map.of(WitnessList.FILE_ENV, f.toString(), WitnessList.QUORUM_ENV, quorum)::get);
    }

    @Test
    void lines_of_key_url_and_source_with_comments_and_a_majority_by_default() throws Exception {
        String text = "# witnesses\n\n" + key("a.example") + " https://a.example/\n" + key("b.example") + "  http://b.example:8090\n"
                + key("c.example") + " https://c.example/w icrc\n";
        WitnessList list = read(text, "");
        assertThat(list.witnesses()).extracting(WitnessList.Known::name).containsExactly("a.example", "b.example", "c.example");
        assertThat(list.witnesses().get(0).url()).hasToString("https://a.example");
        assertThat(list.witnesses().get(2).url()).hasToString("https://c.example/w");
        assertThat(list.witnesses()).extracting(WitnessList.Known::source).containsExactly(null, null, "icrc");
        assertThat(list.quorum()).isEqualTo(2);
        assertThat(read(text, "3").quorum()).isEqualTo(3);
        assertThat(WitnessList.configured(Map.<String, String>of()::get)).isEqualTo(WitnessList.NONE);
    }

    @Test
    void a_bad_line_key_url_or_quorum_is_refused_naming_the_variable_and_line() throws Exception {
        String a = key("a.example");
        assertThatThrownBy(() -> read(a + "\n", "")).hasMessageStartingWith("TRUCE_WITNESSES: ").hasMessageContaining("line 1");
        assertThatThrownBy(() -> read("x+00000000+AAAA https://a.example\n", "")).hasMessageContaining("line 1");
        assertThatThrownBy(() -> read(a + " ftp://a.example\n", "")).hasMessageContaining("http or https");
        assertThatThrownBy(() -> read(a + " https://a.example\n" + a + " https://b.example\n", "")).hasMessageContaining("twice");
        assertThatThrownBy(() -> read(a + " https://a.example\n", "2")).hasMessageStartingWith("TRUCE_WITNESS_QUORUM must be between 1 and the 1");
        assertThatThrownBy(() -> read(a + " https://a.example\n", "two")).hasMessageContaining("whole number");
        assertThatThrownBy(() -> WitnessList.configured(Map.of(WitnessList.QUORUM_ENV, "2")::get)).hasMessageContaining("TRUCE_WITNESSES is not");
        assertThatThrownBy(() -> WitnessList.configured(Map.of(WitnessList.FILE_ENV, dir.resolve("missing").toString())::get))
                .hasMessageContaining("cannot be read");
    }
}
