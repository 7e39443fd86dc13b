package org.truce.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A name marked common is every party's: the demo's catalog and map hold none that carries one side's name. */
class CommonNamesTest {
    private static final List<String> AM = List.of("am-government", "nk-de-facto-authorities");
    private static final List<String> AZ = List.of("az-government");
    private static final List<String> COMMON = List.of(PlaceName.COMMON);

    private static final List<PlaceName> STEPANAKERT = List.of(new PlaceName("en", "Stepanakert", AM),
            new PlaceName("en", "Khankendi", AZ), new PlaceName("hy", "Ստեփանակերտ", AM), new PlaceName("az", "Xankəndi", AZ));
    private static final List<PlaceName> NK = List.of(new PlaceName("en", "Nagorno-Karabakh", COMMON),
            new PlaceName("en", "Artsakh", AM), new PlaceName("en", "Karabakh", AZ));

    @Test
    void a_common_name_carrying_one_sides_name_of_a_contested_place_is_caught() {
        Map<String, List<PlaceName>> named = new LinkedHashMap<>();
        named.put("town", STEPANAKERT);
        named.put("road", List.of(new PlaceName("en", "Goris – Lachin – Stepanakert road", COMMON)));
        assertThat(CommonNames.conflicts(named)).singleElement().hasToString("road: the en name \"Goris – Lachin – Stepanakert road\" "
                + "is marked common but carries \"Stepanakert\", the name of town used only by am-government, nk-de-facto-authorities");
    }

    @Test
    void a_common_name_that_only_shares_a_word_with_a_side_name_of_a_neutrally_named_place_passes() {
        Map<String, List<PlaceName>> named = new LinkedHashMap<>();
        named.put("nk", NK);
        named.put("oblast", List.of(new PlaceName("en", "Nagorno-Karabakh Autonomous Oblast", COMMON)));
        named.put("town", STEPANAKERT);
        named.put("road", List.of(new PlaceName("en", "Stepanakertian road", COMMON), new PlaceName("hy", "Ստեփանակերտ road", AM)));
        assertThat(CommonNames.conflicts(named)).isEmpty();
    }

    @Test
    void no_name_marked_common_in_the_demo_catalog_or_map_is_one_sides_name() throws IOException {
        Map<String, List<PlaceName>> named = new LinkedHashMap<>();
        for (JsonNode p : read("/demo/seed.json").get("places")) named.put(p.get("id").asText(), names(p.get("names")));
        for (JsonNode f : read("/demo/geography.geojson").get("features")) {
            named.put(f.at("/properties/id").asText(), names(f.at("/properties/names")));
        }
        assertThat(named).hasSizeGreaterThan(40).containsKeys("road-stepanakert-goris", "town-khankendi-stepanakert");
        assertThat(CommonNames.conflicts(named)).isEmpty();
    }

    static JsonNode read(String resource) throws IOException {
        try (InputStream in = CommonNamesTest.class.getResourceAsStream(resource)) {
            return new ObjectMapper().readTree(in);
        }
    }

    static List<PlaceName> names(JsonNode array) {
        List<PlaceName> out = new ArrayList<>();
        for (JsonNode n : array) {
            List<String> usedBy = new ArrayList<>();
            n.get("usedBy").forEach(u -> usedBy.add(u.asText()));
            out.add(new PlaceName(n.get("lang").asText(), n.get("name").asText(), usedBy));
        }
        return out;
    }
}
