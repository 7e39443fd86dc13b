package org.truce.web;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.truce.bulletin.Bulletin;
import org.truce.bulletin.Issue;
import org.truce.bulletin.Masthead;
import org.truce.bulletin.Publication;

/**
 * What the bulletin pages show of one bulletin: its sections grouped by theme in a fixed order
 * (returns, demining, medical aid, remains and detainees, then any other metric), the parts other
 * capabilities composed, whether and when it was published, and the links to its ledger entries and
 * inclusion proofs. Immutable.
 *
 * @param publication the publication shown (null for a computed, unpublished bulletin)
 * @param earlier     the date's other publications, latest first
 * @param fallback    the bulletin is in English because its texts do not exist in the reader's language
 * @param masthead    the issue's header: issuer, number, status, changes, or the draft mark
 * @param issuers     the issuer's name of the shown and the earlier publications, by seq, in the bulletin's language
 */
public record BulletinView(Bulletin bulletin, Publication publication, List<Publication> earlier, boolean fallback,
                           List<Group> groups, Masthead masthead, Map<Long, String> issuers) {
    /** The themes of the bulletin, in page order, and the metrics each gathers. */
    static final Map<String, List<String>> THEMES = themes();

    /** One theme's sections, in the composer's order. */
    public record Group(String key, List<Bulletin.Section> sections) {}

    private static Map<String, List<String>> themes() {
        Map<String, List<String>> t = new LinkedHashMap<>();
        t.put("returns", List.of("returnees", "bus_boardings"));
        t.put("demining", List.of("land_cleared", "roads_cleared", "buildings_cleared", "explosive_objects_destroyed"));
        t.put("medical", List.of("medical_assistance"));
        t.put("remains", List.of("remains_recovered", "detainees_exchanged", "missing_person_requests", "missing_persons_open"));
        return t;
    }

    /** One row of the archive: the latest publication of a date, its number, its issuer's name and how often the date was published. */
    public record ArchiveRow(Publication publication, int number, String issuerName, int publications) {}

    static BulletinView of(Issue issue, List<Publication> earlier, boolean fallback, Map<Long, String> issuers) {
        Bulletin b = issue.bulletin();
        Publication shown = issue.masthead().publication();
        List<Group> groups = new ArrayList<>();
        List<String> known = new ArrayList<>();
        for (var theme : THEMES.entrySet()) {
            known.addAll(theme.getValue());
            List<Bulletin.Section> in = new ArrayList<>();
            for (String metric : theme.getValue()) {
                b.sections().stream().filter(s -> s.metric().equals(metric)).forEach(in::add);
            }
            if (!in.isEmpty()) groups.add(new Group(theme.getKey(), in));
        }
        List<Bulletin.Section> other = b.sections().stream().filter(s -> !known.contains(s.metric())).toList();
        if (!other.isEmpty()) groups.add(new Group("other", other));
        return new BulletinView(b, shown, List.copyOf(earlier), fallback, List.copyOf(groups), issue.masthead(), Map.copyOf(issuers));
    }

    public boolean published() {
        return publication != null;
    }

    /** Whether the date's other publications all came before the one shown (it is the latest). */
    public boolean othersAreEarlier() {
        return publication != null && earlier.stream().allMatch(p -> p.seq() < publication.seq());
    }

    public LocalDate date() {
        return bulletin.asOf();
    }

    /** The ledger entry {@code seq}, as the API serves it. */
    public static String entryLink(long seq) {
        return "/api/v1/ledger/entries?from=" + seq + "&limit=1";
    }

    /** The inclusion proof of entry {@code seq} in this bulletin's checkpoint. */
    public String proofLink(long seq) {
        return "/api/v1/ledger/proof?seq=" + seq + "&size=" + bulletin.size();
    }

    /** Where a reader checks this bulletin against the ledger: the date and the size it was computed (and published) at. */
    public String checkLink() {
        return "/check?date=" + bulletin.asOf() + "&size=" + bulletin.size();
    }

    /** The printed bulletin: the date's latest publication without a size, else this size. */
    public String pdfLink() {
        return pdfLink(bulletin.asOf(), bulletin.lang(), latest() ? null : bulletin.size());
    }

    /** The PDF of {@code date} in {@code lang}, at {@code size} when not null (else its latest publication). */
    public static String pdfLink(LocalDate date, String lang, Long size) {
        return "/bulletins/" + date + ".pdf?lang=" + lang + (size == null ? "" : "&size=" + size);
    }

    /** Whether this is the date's latest publication, the one its address serves by default. */
    public boolean latest() {
        return publication != null && earlier.stream().allMatch(p -> p.seq() < publication.seq());
    }

    /** The issuer's name of {@code p} in the bulletin's language. */
    public String issuer(Publication p) {
        return issuers.getOrDefault(p.seq(), p.author());
    }

    /** The time of day of a publication, in UTC ("14:05"); its date is written by {@link Ui#date}. */
    public static String time(Publication p) {
        return DateTimeFormatter.ofPattern("HH:mm").format(p.recordedAt().atOffset(ZoneOffset.UTC));
    }

    public static LocalDate day(Publication p) {
        return p.recordedAt().atOffset(ZoneOffset.UTC).toLocalDate();
    }
}
