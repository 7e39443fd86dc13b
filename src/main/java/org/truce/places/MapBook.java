package org.truce.places;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.truce.catalog.MapFeatures;
import org.truce.catalog.Place;
import org.truce.catalog.FeatureKind;
import org.truce.catalog.Feature;
import org.truce.ledger.Entry;
import org.truce.ledger.Ledger;

/**
 * The map projection, folded from the ledger: features, every geometry version with its validity
 * interval and record position, and the status reports of points. Every question names a day (the
 * map as of) and a ledger size (as known at), like the figures. Spatial questions take candidates
 * from {@link MapIndex} (an STRtree over prepared geometries, rebuilt when the map has changed since
 * it was built) and decide geodesically ({@link Geodesy}). One writer (the ledger's applier), many
 * readers.
 */
public final class MapBook implements Ledger.Listener, MapFeatures {
    private static final double[] RADII_KM = {1, 5, 25, 125, 625, 3125};

    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final Map<String, Declared> features = new LinkedHashMap<>();
    private final List<Drawn> drawn = new ArrayList<>();
    private final Map<String, Drawn> byId = new HashMap<>();
    private final Map<String, List<Reported>> statuses = new HashMap<>();
    private volatile MapIndex index = MapIndex.build(List.of());

    /** A feature and the position of its declaration. */
    public record Declared(Feature feature, long seq) {}

    /** A status report and its entry's position. */
    public record Reported(StatusReport report, long seq, Instant recordedAt) {}

    /** A feature found by a distance query, with its geodesic distance. */
    public record Hit(Drawn drawn, double km) {}

    @Override
    public Object prepare(Entry entry) {
        return switch (entry.type()) {
            case MapFact.FEATURE, MapFact.GEOMETRY, MapFact.STATUS -> MapReader.fromLedger(entry.type(), entry.payload());
            default -> null;
        };
    }

    @Override
    public void applied(Entry entry) {
        applied(entry, prepare(entry));
    }

    @Override
    public void applied(Entry entry, Object prepared) {
        if (!(prepared instanceof MapFact fact)) return;
        lock.writeLock().lock();
        try {
            if (fact instanceof MapFact.FeatureDeclared d) {
                features.put(d.feature().id(), new Declared(d.feature(), entry.seq()));
            } else if (fact instanceof MapFact.GeometryRecorded g) {
                Feature f = features.get(g.version().feature()).feature();
                Drawn d = Drawn.of(g.version(), f, entry.seq(), entry.recordedAt());
                drawn.add(d);
                byId.put(g.version().id(), d);
            } else {
                StatusReport s = ((MapFact.StatusReported) fact).status();
                statuses.computeIfAbsent(s.feature(), k -> new ArrayList<>()).add(new Reported(s, entry.seq(), entry.recordedAt()));
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    @Override
    public Optional<Feature> feature(String id, long size) {
        lock.readLock().lock();
        try {
            Declared d = features.get(id);
            return d == null || d.seq() >= size ? Optional.empty() : Optional.of(d.feature());
        } finally {
            lock.readLock().unlock();
        }
    }

    public List<Feature> features(long size) {
        lock.readLock().lock();
        try {
            return features.values().stream().filter(d -> d.seq() < size).map(Declared::feature).toList();
        } finally {
            lock.readLock().unlock();
        }
    }

    public Optional<Drawn> geometry(String entryId, long size) {
        lock.readLock().lock();
        try {
            Drawn d = byId.get(entryId);
            return d == null || d.seq() >= size ? Optional.empty() : Optional.of(d);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Every version of a feature, in record order. */
    public List<Drawn> versions(String feature, long size) {
        lock.readLock().lock();
        try {
            return drawn.stream().filter(d -> d.version().feature().equals(feature) && d.seq() < size).toList();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The map layer of one kind as of a day: every version valid that day that meets {@code bbox} (null: all). */
    public List<Drawn> layer(FeatureKind kind, Envelope bbox, LocalDate asOf, long size) {
        List<Drawn> out = new ArrayList<>();
        for (Drawn d : current().candidates(bbox == null ? new Envelope(-180, 180, -90, 90) : bbox)) {
            if (d.feature().kind() == kind && d.visible(asOf, size)
                    && (bbox == null || d.version().geometry().getEnvelopeInternal().intersects(bbox))) {
                out.add(d);
            }
        }
        out.sort(Comparator.comparingLong(Drawn::seq));
        return out;
    }

    /** The zones (areas of every class, of kind zone) whose geometry as of the day contains the point. */
    public List<Drawn> containing(Point p, LocalDate asOf, long size) {
        List<Drawn> out = new ArrayList<>();
        for (Drawn d : current().candidates(p.getEnvelopeInternal())) {
            if (d.feature().kind() == FeatureKind.ZONE && d.visible(asOf, size) && d.prepared().covers(p)) out.add(d);
        }
        out.sort(Comparator.comparingLong(Drawn::seq));
        return out;
    }

    @Override
    public List<Feature> zonesContaining(Place.Point point, LocalDate day, long size) {
        Point p = GeometryInput.FACTORY.createPoint(new Coordinate(point.lon(), point.lat()));
        Map<String, Feature> zones = new LinkedHashMap<>();
        for (Drawn d : containing(p, day, size)) zones.putIfAbsent(d.feature().id(), d.feature());
        return List.copyOf(zones.values());
    }

    /**
     * Every feature of {@code kind} (and {@code cls} when not null) valid on the day within {@code km}
     * of {@code from}, nearest first. Candidates come from the index; distances are geodesic.
     */
    public List<Hit> within(Geometry from, double km, FeatureKind kind, String cls, LocalDate asOf, long size, String except) {
        Envelope search = new Envelope();
        for (Coordinate c : from.getEnvelope().getCoordinates()) search.expandToInclude(Geodesy.searchEnvelope(c.x, c.y, km));
        List<Hit> out = new ArrayList<>();
        for (Drawn d : current().candidates(search)) {
            if (!matches(d, kind, cls, asOf, size) || d.version().feature().equals(except)) continue;
            double distance = Distances.km(from, d.version().geometry());
            if (distance <= km) out.add(new Hit(d, distance));
        }
        out.sort(Comparator.comparingDouble(Hit::km));
        return out;
    }

    /** The nearest feature of {@code kind} (and {@code cls}) valid on the day, geodesically. */
    public Optional<Hit> nearest(Point p, FeatureKind kind, String cls, LocalDate asOf, long size) {
        for (double radius : RADII_KM) {
            List<Hit> hits = within(p, radius, kind, cls, asOf, size, null);
            if (!hits.isEmpty()) return Optional.of(hits.get(0));
        }
        return Optional.empty();
    }

    /** Each source's latest status report for the point dated on or before the day. */
    public List<Reported> status(String feature, LocalDate asOf, long size) {
        lock.readLock().lock();
        try {
            Map<String, Reported> latest = new LinkedHashMap<>();
            for (Reported r : statuses.getOrDefault(feature, List.of())) {
                if (r.seq() >= size || r.report().from().isAfter(asOf)) continue;
                Reported seen = latest.get(r.report().source());
                if (seen == null || !r.report().from().isBefore(seen.report().from())) latest.put(r.report().source(), r);
            }
            return List.copyOf(latest.values());
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * Every date on which the map changes in the first {@code size} entries: the starts and ends of
     * geometry versions and the dates of status reports, ascending. A time slider runs over them.
     */
    public java.util.SortedSet<LocalDate> dates(long size) {
        lock.readLock().lock();
        try {
            java.util.SortedSet<LocalDate> out = new java.util.TreeSet<>();
            for (Drawn d : drawn) {
                if (d.seq() >= size) continue;
                if (d.version().validFrom() != null) out.add(d.version().validFrom());
                if (d.version().validTo() != null) out.add(d.version().validTo());
            }
            for (List<Reported> rs : statuses.values()) {
                for (Reported r : rs) if (r.seq() < size) out.add(r.report().from());
            }
            return out;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** A feature's geometry valid on the day (the last recorded, when several versions are). */
    public Optional<Geometry> layerOf(String feature, LocalDate asOf, long size) {
        lock.readLock().lock();
        try {
            return drawn.stream().filter(d -> d.version().feature().equals(feature) && d.visible(asOf, size))
                    .reduce((a, b) -> b).map(d -> d.version().geometry());
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The administrative unit drawn for a gazetteer place, valid on the day: the stated extent of the place. */
    public Optional<Drawn> extentOf(String place, LocalDate asOf, long size) {
        lock.readLock().lock();
        try {
            return drawn.stream().filter(d -> place.equals(d.feature().place()) && d.feature().kind() == FeatureKind.ZONE
                    && "administrative_unit".equals(d.feature().cls()) && d.visible(asOf, size)).reduce((a, b) -> b);
        } finally {
            lock.readLock().unlock();
        }
    }

    private static boolean matches(Drawn d, FeatureKind kind, String cls, LocalDate asOf, long size) {
        return (kind == null || d.feature().kind() == kind) && (cls == null || cls.equals(d.feature().cls())) && d.visible(asOf, size);
    }

    /** The index of the map as it is now; rebuilt when a geometry was recorded since the last build. */
    MapIndex current() {
        MapIndex i = index;
        lock.readLock().lock();
        try {
            if (i.size() == drawn.size()) return i;
            i = MapIndex.build(List.copyOf(drawn));
        } finally {
            lock.readLock().unlock();
        }
        index = i;
        return i;
    }
}
