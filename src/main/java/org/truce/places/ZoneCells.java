package org.truce.places;

import java.util.List;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.util.LinearComponentExtracter;

/**
 * Which of a fixed list of areas cover a position: a grid over the areas' envelopes in which every
 * cell lists, per area, whether the cell lies wholly inside it or may meet its boundary. Only the
 * second kind asks the area's {@link IndexedPointInAreaLocator}, the locator
 * {@code PreparedPolygon.covers} itself uses, so the answers are the same.
 *
 * <p>Why a cell marked inside needs no test: a cell is marked as meeting the boundary when it meets
 * the bounding box of any boundary segment widened by {@value #MARGIN_DEGREES}° (far more than the
 * rounding of the cell arithmetic, about 1e-14°). An unmarked cell, so widened, is a connected set
 * that the boundary does not enter, so every position in it is on the same side as its centre.
 *
 * <p>Built once; then read by any number of threads (the locators are thread-safe and built here).
 */
final class ZoneCells {
    static final double MARGIN_DEGREES = 1e-9;
    private static final int CELLS_ON_LONG_SIDE = 512;
    private static final byte NONE = 0, INSIDE = 1, EDGE = 2;

    private final LonLatGrid grid;
    private final IndexedPointInAreaLocator[] locators;
    private final int[] start;
    private final int[] entries;

    private ZoneCells(LonLatGrid grid, IndexedPointInAreaLocator[] locators, int[] start, int[] entries) {
        this.grid = grid;
        this.locators = locators;
        this.start = start;
        this.entries = entries;
    }

    /** @param areas polygonal geometries in lon/lat; their positions in the list are the answers' numbers */
    static ZoneCells build(List<Geometry> areas) {
        if (areas.isEmpty()) return new ZoneCells(null, new IndexedPointInAreaLocator[0], new int[] {0}, new int[0]);
        Envelope extent = new Envelope();
        for (Geometry g : areas) extent.expandToInclude(g.getEnvelopeInternal());
        LonLatGrid grid = new LonLatGrid(extent, CELLS_ON_LONG_SIDE);
        IndexedPointInAreaLocator[] locators = new IndexedPointInAreaLocator[areas.size()];
        byte[][] states = new byte[areas.size()][];
        for (int z = 0; z < areas.size(); z++) {
            locators[z] = new IndexedPointInAreaLocator(areas.get(z));
            states[z] = states(grid, areas.get(z), locators[z]);
        }
        int[] start = new int[grid.cells() + 1];
        for (byte[] s : states) for (int c = 0; c < s.length; c++) if (s[c] != NONE) start[c + 1]++;
        for (int c = 0; c < grid.cells(); c++) start[c + 1] += start[c];
        int[] entries = new int[start[grid.cells()]];
        int[] fill = start.clone();
        for (int z = 0; z < states.length; z++) {
            for (int c = 0; c < states[z].length; c++) {
                if (states[z][c] != NONE) entries[fill[c]++] = z << 1 | (states[z][c] == EDGE ? 1 : 0);
            }
        }
        return new ZoneCells(grid, locators, start, entries);
    }

    /**
     * Writes into {@code out} the numbers of the areas covering (lon, lat), ascending, and returns how
     * many; {@code at} is scratch space for the locator.
     */
    int covering(double lon, double lat, Coordinate at, int[] out) {
        if (grid == null) return 0;
        int cell = grid.cell(lon, lat);
        if (cell < 0) return 0;
        int n = 0;
        for (int i = start[cell]; i < start[cell + 1]; i++) {
            int e = entries[i];
            if ((e & 1) == 0) {
                out[n++] = e >>> 1;
            } else {
                at.x = lon;
                at.y = lat;
                if (locators[e >>> 1].locate(at) != Location.EXTERIOR) out[n++] = e >>> 1;
            }
        }
        return n;
    }

    int areas() {
        return locators.length;
    }

    /** Per cell of the grid: outside the area, wholly inside it, or possibly meeting its boundary. */
    private static byte[] states(LonLatGrid grid, Geometry area, IndexedPointInAreaLocator locator) {
        byte[] state = new byte[grid.cells()];
        for (Object o : LinearComponentExtracter.getLines(area)) {
            CoordinateSequence ring = ((LineString) o).getCoordinateSequence();
            for (int i = 1; i < ring.size(); i++) {
                markEdge(grid, state, Math.min(ring.getX(i - 1), ring.getX(i)), Math.max(ring.getX(i - 1), ring.getX(i)),
                        Math.min(ring.getY(i - 1), ring.getY(i)), Math.max(ring.getY(i - 1), ring.getY(i)));
            }
        }
        Envelope env = area.getEnvelopeInternal();
        Coordinate centre = new Coordinate();
        for (int r = grid.row(env.getMinY()); r <= grid.row(env.getMaxY()); r++) {
            for (int c = grid.column(env.getMinX()); c <= grid.column(env.getMaxX()); c++) {
                int cell = r * grid.columns() + c;
                if (state[cell] == EDGE) continue;
                centre.x = grid.centreLon(c);
                centre.y = grid.centreLat(r);
                int where = locator.locate(centre);
                state[cell] = where == Location.INTERIOR ? INSIDE : where == Location.BOUNDARY ? EDGE : NONE;
            }
        }
        return state;
    }

    private static void markEdge(LonLatGrid grid, byte[] state, double minX, double maxX, double minY, double maxY) {
        for (int r = grid.row(minY - MARGIN_DEGREES); r <= grid.row(maxY + MARGIN_DEGREES); r++) {
            for (int c = grid.column(minX - MARGIN_DEGREES); c <= grid.column(maxX + MARGIN_DEGREES); c++) {
                state[r * grid.columns() + c] = EDGE;
            }
        }
    }
}
