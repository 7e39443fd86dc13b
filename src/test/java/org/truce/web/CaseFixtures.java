package org.truce.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.truce.support.TestNode;

/** Case bodies and cases opened over HTTP for web tests. */
final class CaseFixtures {
    private CaseFixtures() {}

    /** An anama detainee case, captured on 5 January 2021, with the person's name as its personal data. */
    static String body(String id, String name) {
        return "{\"id\":\"" + id + "\",\"kind\":\"detainee\",\"source\":\"anama\",\"place\":\"nk\",\"date\":\"2021-01-05\","
                + "\"status\":\"captured\",\"terms\":[{\"party\":\"az-government\",\"term\":\"detainee\"},"
                + "{\"party\":\"am-government\",\"term\":\"prisoner of war\"}],"
                + "\"personal\":{\"name\":\"" + name + "\",\"birthYear\":\"1990\"}}";
    }

    /** Opens a case as {@code token} (a reporter of anama) and returns its id. */
    static String open(TestNode node, String token, String name) {
        String id = UUID.randomUUID().toString();
        var r = node.post("/api/v1/cases", body(id, name), token);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return id;
    }
}
