package org.truce.settings;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** The node's settings are read in one place, each with its default, and documented where an operator looks. */
class SettingsTest {

    @Test
    void only_the_settings_read_the_environment() {
        noClasses().that().doNotBelongToAnyOf(Settings.class)
                .should().callMethod(System.class, "getenv", String.class)
                .orShould().callMethod(System.class, "getenv")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("org.truce"));
    }

    @Test
    void an_unset_or_blank_variable_takes_its_default_and_a_set_one_is_kept_as_given() {
        Settings s = Settings.from(Map.of("TRUCE_READY_MAX_LAG", "  ", "TRUCE_PUBLIC_URL", "https://truce.example.org",
                "TRUCE_OTHER", "ignored")::get);
        assertThat(s.value(Setting.READY_MAX_LAG)).isEqualTo("1000");
        assertThat(s.isSet(Setting.READY_MAX_LAG)).isFalse();
        assertThat(s.value(Setting.PUBLIC_URL)).isEqualTo("https://truce.example.org");
        assertThat(s.value(Setting.METRICS_TOKEN)).isNull();
        assertThat(s.given()).containsOnlyKeys(Setting.PUBLIC_URL);
        assertThat(s.with(Setting.PUBLIC_URL, null).value(Setting.PUBLIC_URL)).isNull();
        assertThat(s.with(Setting.FOUR_EYES, "off").value(Setting.FOUR_EYES)).isEqualTo("off");
        assertThat(Settings.defaults().value(Setting.MIN_FREE_BYTES)).isEqualTo(Long.toString(64L << 20));
    }

    @Test
    void the_parts_ask_only_for_declared_variables() {
        assertThat(Settings.defaults().byName().apply("TRUCE_COOKIE_SECURE")).isEqualTo("false");
        assertThatThrownBy(() -> Settings.defaults().byName().apply("TRUCE_COOKIE_SECUR"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("TRUCE_COOKIE_SECUR");
    }

    @Test
    void each_variable_is_declared_once_with_what_it_sets() {
        assertThat(Arrays.stream(Setting.values()).map(s -> s.variable).distinct()).hasSize(Setting.values().length);
        for (Setting s : Setting.values()) {
            assertThat(s.variable).as(s.name()).isEqualTo("TRUCE_" + s.name());
            assertThat(s.what).as(s.variable).isNotBlank();
            if (s.defaultValue != null) assertThat(s.defaultValue).as(s.variable).isNotBlank();
        }
    }

    /** The table of docs/operations.md lists exactly the declared variables. */
    @Test
    void the_operations_guide_lists_every_variable_and_no_other() throws Exception {
        String doc = Files.readString(Path.of("docs/operations.md"));
        int start = doc.indexOf("## Settings from the environment");
        assertThat(start).isNotNegative();
        String section = doc.substring(start, doc.indexOf("\n## ", start + 1));
        Set<String> listed = new TreeSet<>();
        Matcher row = Pattern.compile("(?m)^\\| (`TRUCE_[A-Z_]+`(?:, `TRUCE_[A-Z_]+`)*) \\|").matcher(section);
        while (row.find()) {
            Matcher name = Pattern.compile("TRUCE_[A-Z_]+").matcher(row.group(1));
            while (name.find()) assertThat(listed.add(name.group())).as("listed twice: " + name.group()).isTrue();
        }
        assertThat(listed).isEqualTo(Arrays.stream(Setting.values()).map(s -> s.variable).collect(Collectors.toCollection(TreeSet::new)));
    }
}
