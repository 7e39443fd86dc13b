package org.truce.support;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Builds report bodies against the demo catalog; each test changes what it is about. */
public final class Reports {
    private Reports() {}

    public static ObjectNode valid(String id) {
        ObjectNode n = TestNode.JSON.createObjectNode();
        n.put("id", id);
        n.put("metric", "medical_assistance");
        n.put("kind", "total");
        n.put("value", 1300);
        n.put("qualifier", "exact");
        n.putObject("breakdown").put("children", 160);
        n.put("asOf", "2021-01-20");
        n.put("place", "nk");
        n.put("source", "ru-peacekeepers");
        n.put("attribution", "Russian military medics provided assistance to 1,300 residents, including 160 children");
        ObjectNode doc = n.putObject("document");
        doc.put("title", "Test bulletin");
        doc.put("publisher", "Test outlet");
        doc.put("date", "2021-01-20");
        doc.put("url", "https://example.org/bulletin");
        n.putNull("corrects");
        n.putNull("retracts");
        return n;
    }
}
