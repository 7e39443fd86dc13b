package org.truce.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which new sources and places look like held ones (Unicode TS #39 skeletons). */
class LookalikesTest {
    static final Source ICRC = source("icrc", Map.of("en", "ICRC", "ru", "МККК"));
    static final List<String> COMMON = List.of(PlaceName.COMMON);

    static Source source(String id, Map<String, String> names) {
        return new Source(id, EnumSet.of(Role.INTERNATIONAL_ORGANISATION), null, names, List.of());
    }

    static Place place(String id, PlaceName... names) {
        return new Place(id, "town", null, null, List.of(names), null, List.of());
    }

    static List<Lookalikes.Clash> clashes(Lookalikes held, Source s) {
        return held.clashes(Lookalikes.names(s, "source " + s.id()));
    }

    @Test
    void icrc_in_cyrillic_letters_in_any_language_is_refused_naming_the_held_name() {
        // І U+0406, С U+0421: Cyrillic
        Source fake = source("icrc-2", Map.of("en", "Red Cross office", "ru", "\u0406\u0421R\u0421"));
        List<Lookalikes.Clash> found = clashes(Lookalikes.ofSources(List.of(ICRC)), fake);
        assertThat(found).extracting(c -> c.added().field()).containsExactly("/names/ru");
        assertThat(found.get(0).reason()).isEqualTo("looks the same as \"ICRC\", the en name of source icrc (Unicode TS #39 "
                + "confusable skeleton); a reader could not tell the two apart");
    }

    @Test
    void a_name_with_an_invisible_character_looks_like_the_name_without_it() {
        Source fake = source("icrc-2", Map.of("en", "ICRC\u200B"));
        assertThat(clashes(Lookalikes.ofSources(List.of(ICRC)), fake)).extracting(c -> c.held().text()).containsExactly("ICRC");
    }

    @Test
    void two_sources_may_not_share_a_name_even_byte_for_byte_in_different_languages() {
        Source second = source("icrc-2", Map.of("en", "the Red Cross", "de", "ICRC"));
        List<Lookalikes.Clash> found = clashes(Lookalikes.ofSources(List.of(ICRC)), second);
        assertThat(found).extracting(c -> c.added().field()).containsExactly("/names/de");
        assertThat(found.get(0).reason()).startsWith("is the same as \"ICRC\", the en name of source icrc");
    }

    @Test
    void ids_are_compared_with_ids_and_a_source_never_with_itself() {
        Lookalikes held = Lookalikes.ofSources(List.of(source("unit-1", Map.of("en", "Unit one"))));
        assertThat(clashes(held, source("unit-l", Map.of("en", "Unit ell")))).extracting(c -> c.added().field()).containsExactly("/id");
        assertThat(clashes(held, source("unit-1", Map.of("en", "Unit one")))).as("a retry").isEmpty();
        assertThat(clashes(held, source("other", Map.of("en", "unit-1")))).as("an id is not a name").isEmpty();
    }

    @Test
    void names_that_only_share_letters_or_differ_in_case_or_script_pass() {
        Lookalikes held = Lookalikes.ofSources(List.of(ICRC));
        assertThat(clashes(held, source("icrc-delegation", Map.of("en", "the ICRC delegation", "ru", "Делегация МККК")))).isEmpty();
        assertThat(clashes(held, source("lower", Map.of("en", "icrc")))).isEmpty();
    }

    @Test
    void a_place_may_share_a_name_with_another_place_but_not_look_like_one_of_its_names() {
        Place shushi = place("province-shushi", new PlaceName("en", "Shushi", COMMON), new PlaceName("ru", "Шуши", COMMON));
        Lookalikes held = Lookalikes.ofPlaces(List.of(shushi));
        Place town = place("town-shushi", new PlaceName("en", "Shushi", List.of("a")), new PlaceName("ru", "Шуши", List.of("a")),
                new PlaceName("en", "Shusha", List.of("b")));
        assertThat(held.clashes(Lookalikes.names(town, "place town-shushi"))).as("the same names, another administration").isEmpty();
        // S U+0405, һ U+04BB: Cyrillic
        Place fake = place("town-fake", new PlaceName("en", "\u0405\u04BBushi", COMMON));
        List<Lookalikes.Clash> found = held.clashes(Lookalikes.names(fake, "place town-fake"));
        assertThat(found).extracting(c -> c.added().field()).containsExactly("/names/0/name");
        assertThat(found.get(0).reason()).startsWith("looks the same as \"Shushi\", the name of place province-shushi");
    }

    @Test
    void a_place_keeps_every_sides_names_of_its_own() {
        Place town = place("town-khankendi-stepanakert", new PlaceName("hy", "Ստեփանակերտ", List.of("am")),
                new PlaceName("ru", "Степанакерт", List.of("am")), new PlaceName("az", "Xankəndi", List.of("az")),
                new PlaceName("en", "Khankendi", List.of("az")), new PlaceName("en", "Stepanakert", List.of("am")));
        assertThat(Lookalikes.ofPlaces(List.of(town)).clashes(Lookalikes.names(town, "place town"))).isEmpty();
        assertThat(Lookalikes.ofPlaces(List.of()).clashes(Lookalikes.names(town, "place town"))).isEmpty();
    }
}
