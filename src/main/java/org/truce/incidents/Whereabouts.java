package org.truce.incidents;

import java.util.List;
import java.util.Optional;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Point;
import org.truce.catalog.Catalog;
import org.truce.catalog.Place;
import org.truce.places.Drawn;
import org.truce.places.GeometryInput;
import org.truce.places.MapBook;

/**
 * Where an allegation puts its incident: its coordinates, or else its place's catalog location; and
 * the zones of the map that contain that point as of the incident's date, as known at a ledger size.
 * The zone is never typed by a client: it follows from the map. Stateless over the projections.
 */
public final class Whereabouts {
    private final Catalog catalog;
    private final MapBook map;

    public Whereabouts(Catalog catalog, MapBook map) {
        this.catalog = catalog;
        this.map = map;
    }

    public Optional<IncidentFact.Location> point(IncidentFact.Alleged a, long size) {
        if (a.location() != null) return Optional.of(a.location());
        if (a.place() == null) return Optional.empty();
        return catalog.place(a.place(), size).map(Place::location).map(l -> new IncidentFact.Location(l.lon(), l.lat()));
    }

    /** The zone features containing the incident on its date, in record order; empty when it has no point. */
    public List<Drawn> zones(IncidentFact.Alleged a, long size) {
        Optional<IncidentFact.Location> p = point(a, size);
        if (p.isEmpty()) return List.of();
        Point pt = GeometryInput.FACTORY.createPoint(new Coordinate(p.get().lon(), p.get().lat()));
        return map.containing(pt, a.date(), size);
    }

    public Optional<Place> place(IncidentFact.Alleged a, long size) {
        return a.place() == null ? Optional.empty() : catalog.place(a.place(), size);
    }

    public MapBook map() {
        return map;
    }
}
