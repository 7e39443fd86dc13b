package org.truce.figures;

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
