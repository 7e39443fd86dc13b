package org.truce.web;

import java.util.List;
import org.truce.incidents.IncidentFact;

/**
 * What the public incidents page ({@code incidents.jte}) shows for a span of days: the incidents,
 * each with every body's account side by side and the monitors' findings, and the nil reports.
 * Immutable.
 *
 * @param earlier the last day of the span before this one, for the link to it
 * @param error the reason the asked date was refused, or null
 */
public record IncidentsView(String from, String to, String fromText, String toText, String earlier, List<Item> incidents,
                            List<Nil> nils, String error) {
    public IncidentsView {
        incidents = List.copyOf(incidents);
        nils = List.copyOf(nils);
    }

    /** One incident: where and when, every body's account, and the findings (empty: unverified). */
    public record Item(String id, String date, String dateText, String where, List<Account> accounts, List<Finding> findings,
                       boolean illustrative) {}

    /**
     * One body's account, headed with whose it is.
     *
     * @param signatures who stands behind it when its body signs ({@code signature.*}, as bulletins say it); else none
     */
    public record Account(String heading, String type, IncidentFact.Account account, Cited document, List<String> signatures) {}

    /** A monitor's finding, with who stands behind it when its body signs. */
    public record Finding(String text, List<String> signatures) {}

    /** A nil report's line, the note when Truce placed it under the zone, the body's own statement, who stands behind it. */
    public record Nil(String text, String note, String statement, Cited document, boolean illustrative, List<String> signatures) {}

    /** The document that carried an account. */
    public record Cited(String title, String url) {}
}
