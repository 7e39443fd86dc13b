package org.truce.places;

import java.time.LocalDate;
import java.util.List;
import org.locationtech.jts.geom.Geometry;
import org.truce.record.Document;

/**
 * One geometry of a feature, valid over the half-open interval [validFrom, validTo) (null: unbounded),
 * with its basis. Several versions of one feature may stand side by side ({@code version}, each
 * party's proposal say); control of an area is recorded from the reported actual date, in the name
 * of the source that reported it. Immutable (the JTS geometry is never changed once built).
 *
 * @param party whose version this is (a source id), or null
 * @param controlledBy for areas of control: the body that controls it, or null
 * @param repairs what GeometryFixer changed when the client asked for repair, else empty
 */
public record GeometryVersion(String id, String feature, Geometry geometry, LocalDate validFrom, LocalDate validTo,
                              String version, String party, String controlledBy, String source, Document document,
                              List<String> repairs) {
    public static final String MAIN = "main";

    public GeometryVersion {
        repairs = List.copyOf(repairs);
    }

    public boolean validOn(LocalDate day) {
        return (validFrom == null || !day.isBefore(validFrom)) && (validTo == null || day.isBefore(validTo));
    }
}
