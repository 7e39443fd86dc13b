package org.truce.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The place-name rule over the demo catalog's names: one case a row of places/display-names.tsv. */
class PlaceNamesTest {

    static List<Arguments> cases() throws IOException {
        Map<String, Place> places = demoPlaces();
        List<Arguments> out = new ArrayList<>();
        try (InputStream in = PlaceNamesTest.class.getResourceAsStream("/places/display-names.tsv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] f = line.split("\t");
                out.add(Arguments.of(places.get(f[0]), f[1], f[2]));
            }
        }
        return out;
    }

    @ParameterizedTest(name = "{1}: {2}")
    @MethodSource("cases")
    void where_the_sides_names_differ_both_are_shown_in_the_documented_order(Place place, String lang, String expected) {
        assertThat(place.displayName(lang)).isEqualTo(expected);
    }

    @org.junit.jupiter.api.Test
    void where_no_name_is_common_in_the_language_the_parties_of_the_common_english_name_keep_it_beside_a_sides_own() {
        List<String> common = List.of(PlaceName.COMMON);
        List<String> az = List.of("az-government");
        List<PlaceName> dadivank = List.of(new PlaceName("en", "Dadivank", common), new PlaceName("hy", "Դադիվանք", common),
                new PlaceName("en", "Khudavang", az), new PlaceName("az", "Xudavəng monastırı", az));
        assertThat(PlaceNames.display(dadivank, "az", "x")).isEqualTo("Xudavəng monastırı / Dadivank");
        assertThat(PlaceNames.display(dadivank, "hy", "x")).isEqualTo("Դադիվանք");
        assertThat(PlaceNames.display(dadivank, "en", "x")).isEqualTo("Dadivank");
        assertThat(PlaceNames.named(dadivank, "en")).extracting(PlaceNames.Named::name).containsExactly("Dadivank", "Khudavang");
        // a side that goes by the common English name already stands for it: no transliteration twice
        List<PlaceName> gandzasar = List.of(new PlaceName("en", "Gandzasar", common), new PlaceName("az", "Gəncəsər monastırı", az));
        assertThat(PlaceNames.display(gandzasar, "az", "x")).isEqualTo("Gəncəsər monastırı");
        assertThat(PlaceNames.contested(gandzasar, "az")).isFalse();
        assertThat(PlaceNames.contested(dadivank, "az")).isTrue();
    }

    private static Map<String, Place> demoPlaces() throws IOException {
        JsonNode seed;
        try (InputStream in = PlaceNamesTest.class.getResourceAsStream("/demo/seed.json")) {
            seed = new ObjectMapper().readTree(in);
        }
        Map<String, Place> out = new HashMap<>();
        for (JsonNode p : seed.get("places")) {
            List<PlaceName> names = new ArrayList<>();
            for (JsonNode n : p.get("names")) {
                List<String> usedBy = new ArrayList<>();
                n.get("usedBy").forEach(u -> usedBy.add(u.asText()));
                names.add(new PlaceName(n.get("lang").asText(), n.get("name").asText(), usedBy));
            }
            out.put(p.get("id").asText(), new Place(p.get("id").asText(), "place", null, null, names, null, List.of()));
        }
        return out;
    }
}
