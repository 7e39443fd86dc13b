package org.truce.figures;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.truce.catalog.Place;
import org.truce.catalog.PlaceName;
import org.truce.catalog.Role;
import org.truce.catalog.Source;

/** FactRules.lookalikes: new catalog items against the record and against each other in one request. */
class LookalikeRulesTest {
    final BookBuilder b = new BookBuilder();
    final FactRules rules = new FactRules(b.book);

    static Fact source(String id, String en) {
        return new Fact.SourceDeclared(new Source(id, EnumSet.of(Role.MEDIA), null, Map.of("en", en), List.of()));
    }

    static Fact place(String id, String en) {
        return new Fact.PlaceDeclared(new Place(id, "town", null, null, List.of(new PlaceName("en", en, List.of(PlaceName.COMMON))),
                null, List.of()));
    }

    @Test
    void a_source_named_like_a_recorded_one_is_refused_at_its_field() {
        // "source a" with Cyrillic а U+0430
        var v = rules.lookalikes(List.of(source("d", "source \u0430")), List.of(""));
        assertThat(v).extracting(x -> x.pointer() + " " + x.detail())
                .containsExactly("/names/en looks the same as \"source a\", the en name of source a (Unicode TS #39 confusable "
                        + "skeleton); a reader could not tell the two apart");
    }

    @Test
    void items_of_one_request_are_compared_with_each_other() {
        var v = rules.lookalikes(List.of(source("d", "Outlet"), place("village", "Village"), source("e", "0utlet"),
                place("vi11age", "Vi11age")), List.of("/0", "/1", "/2", "/3"));
        assertThat(v).extracting(x -> x.pointer() + " " + x.detail().substring(0, x.detail().indexOf(" (")))
                .containsExactly("/2/names/en looks the same as \"Outlet\", the en name of source d declared at /0 of this request",
                        "/3/id looks the same as \"village\", the id of place village declared at /1 of this request",
                        "/3/names/0/name looks the same as \"Village\", the name of place village declared at /1 of this request");
    }

    @Test
    void a_place_sharing_a_recorded_places_name_exactly_passes_and_a_retry_passes() {
        assertThat(rules.lookalikes(List.of(place("town-2", "Town"), place("town", "Town")), List.of("/0", "/1"))).isEmpty();
    }
}
