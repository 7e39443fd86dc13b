package org.truce.incidents;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import net.sf.geographiclib.Geodesic;
import net.sf.geographiclib.GeodesicMask;

/**
 * Proposes pairs of incidents that may be one: opened close in time (at most {@value #HOURS} hours
 * apart, each time widened to its precision's interval) and in space (at most {@value #KM} km apart
 * geodesically, each point widened by its precision's radius). Proposals only: linking is a
 * verifier's decision, recorded as its own entry; nothing here changes the record. Stateless.
 */
public final class Duplicates {
    public static final double HOURS = 24;
    public static final double KM = 3;
    private final IncidentBook book;
    private final Whereabouts where;

    public Duplicates(IncidentBook book, Whereabouts where) {
        this.book = book;
        this.where = where;
    }

    /**
     * A proposed pair, earlier-opened first: the hours between their time intervals and the geodesic
     * distance between their points (before widening by precision).
     */
    public record Proposal(Incident first, Incident second, double hoursApart, double kmApart) {}

    private record Candidate(Incident incident, Instant[] interval, IncidentFact.Location point) {}

    public List<Proposal> proposals(long size) {
        List<Candidate> candidates = new ArrayList<>();
        for (Incident i : book.incidents(size)) {
            IncidentFact.Alleged a = i.allegation().fact();
            Optional<IncidentFact.Location> p = where.point(a, size);
            if (p.isPresent()) candidates.add(new Candidate(i, a.timePrecision().interval(a.date(), a.time()), p.get()));
        }
        candidates.sort(Comparator.comparing((Candidate c) -> c.interval()[0]).thenComparingLong(c -> c.incident().allegation().seq()));
        List<Proposal> out = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            Candidate a = candidates.get(i);
            for (int j = i + 1; j < candidates.size(); j++) {
                Candidate b = candidates.get(j);
                double hours = TimePrecision.gapHours(a.interval(), b.interval());
                // sorted by start: once b starts more than HOURS after a ends, so does every later one
                if (hours > HOURS && b.interval()[0].isAfter(a.interval()[1])) break;
                double km = Geodesic.WGS84.Inverse(a.point().lat(), a.point().lon(), b.point().lat(), b.point().lon(), GeodesicMask.DISTANCE).s12 / 1000;
                if (hours <= HOURS && km - slack(a, b) <= KM) out.add(new Proposal(a.incident(), b.incident(), hours, km));
            }
        }
        return out;
    }

    private static double slack(Candidate a, Candidate b) {
        return a.incident().allegation().fact().geoPrecision().radiusKm() + b.incident().allegation().fact().geoPrecision().radiusKm();
    }
}
