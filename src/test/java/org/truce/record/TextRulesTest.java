package org.truce.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Which characters names, ids and free text may hold: one case a row of text/characters.tsv. */
class TextRulesTest {
    private static final Pattern ESCAPE = Pattern.compile("\\\\u([0-9A-Fa-f]{4})|\\\\U([0-9A-Fa-f]{8})|\\\\n|\\\\t");

    static List<Arguments> cases() throws IOException {
        List<Arguments> out = new ArrayList<>();
        try (InputStream in = TextRulesTest.class.getResourceAsStream("/text/characters.tsv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] f = line.split("\t");
                out.add(Arguments.of(f[0], f[1], unescape(f[1]), f[2]));
            }
        }
        return out;
    }

    @ParameterizedTest(name = "{0} \"{1}\": {3}")
    @MethodSource("cases")
    void each_check_refuses_the_first_character_it_must_and_passes_the_rest(String check, String shown, String input, String verdict) {
        Optional<String> refusal = switch (check) {
            case "name" -> TextRules.name(input);
            case "id" -> TextRules.id(input);
            case "text" -> TextRules.text(input);
            default -> throw new IllegalArgumentException("no check " + check);
        };
        if (verdict.equals("ok")) assertThat(refusal).isEmpty();
        else assertThat(refusal).hasValueSatisfying(r -> assertThat(r).startsWith("contains " + verdict + " "));
    }

    @Test
    void the_reason_names_the_character_by_code_point_and_name_and_says_where_it_is() {
        assertThat(TextRules.name("retained \u202E0052")).hasValue("contains U+202E RIGHT-TO-LEFT OVERRIDE at character 10, "
                + "a bidirectional control; names and ids may not hold invisible or direction-changing characters");
        assertThat(TextRules.id("icrc\u200B")).hasValue("contains U+200B ZERO WIDTH SPACE at character 5, "
                + "an invisible character; names and ids may not hold invisible or direction-changing characters");
        assertThat(TextRules.text("\uD83D\uDE00 \u2066x\u2069")).hasValue("contains U+2066 LEFT-TO-RIGHT ISOLATE at character 3, "
                + "a bidirectional control; text may not change its direction (the pages set each text apart already)");
        assertThat(TextRules.name("a\u0007")).hasValueSatisfying(r -> assertThat(r).startsWith("contains U+0007 <control-0007> at character 2, a control character"));
    }

    private static String unescape(String s) {
        Matcher m = ESCAPE.matcher(s);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String hex = m.group(1) != null ? m.group(1) : m.group(2);
            String c = hex != null ? new String(Character.toChars(Integer.parseInt(hex, 16))) : m.group().equals("\\n") ? "\n" : "\t";
            m.appendReplacement(out, Matcher.quoteReplacement(c));
        }
        return m.appendTail(out).toString();
    }
}
