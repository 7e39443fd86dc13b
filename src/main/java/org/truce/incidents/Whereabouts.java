package org.truce.incidents;

import java.util.List;
import java.util.Optional;
import org.truce.catalog.Catalog;
import org.truce.catalog.Place;
import org.truce.catalog.Feature;
import org.truce.catalog.MapFeatures;

/**
 * Where an allegation puts its incident: its coordinates, or else its place's catalog location; and
 * the zones of the map that contain that point as of the incident's date, as known at a ledger size.
 * The zone is never typed by a client: it follows from the map. Stateless over the projections.
 */
public final class Whereabouts {
    private final Catalog catalog;
    private final MapFeatures map;

    public Whereabouts(Catalog catalog, MapFeatures map) {
        this.catalog = catalog;
        this.map = map;
    }

    public Optional<IncidentFact.Location> point(IncidentFact.Alleged a, long size) {
        if (a.location() != null) return Optional.of(a.location());
        if (a.place() == null) return Optional.empty();
        return catalog.place(a.place(), size).map(Place::location).map(l -> new IncidentFact.Location(l.lon(), l.lat()));
    }

    /** The zone features containing the incident on its date, each once, in record order; empty when it has no point. */
    public List<Feature> zones(IncidentFact.Alleged a, long size) {
        Optional<IncidentFact.Location> p = point(a, size);
        if (p.isEmpty()) return List.of();
        return map.zonesContaining(new Place.Point(p.get().lat(), p.get().lon()), a.date(), size);
    }

    public Optional<Place> place(IncidentFact.Alleged a, long size) {
        return a.place() == null ? Optional.empty() : catalog.place(a.place(), size);
    }

    public MapFeatures map() {
        return map;
    }
}
