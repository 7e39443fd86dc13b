package org.truce.places;

import java.util.List;
import java.util.stream.IntStream;
import net.sf.geographiclib.Geodesic;
import net.sf.geographiclib.GeodesicMask;
import org.locationtech.jts.geom.Envelope;

/**
 * The geodesically nearest of a fixed list of sites (lon/lat positions on WGS84). Candidates are
 * chosen by the straight-line (chord) distance between the positions in Earth-centred coordinates,
 * and only they are measured with Karney's geodesic inverse ({@link Geodesic#WGS84}).
 *
 * <p>Why the candidates are enough. For a geodesic of length s between points a chord c apart:
 * c ≤ s, since the straight line is the shortest curve; and, while s is below π/κ, s ≤ U(c) =
 * (2/κ) asin(cκ/2), by Schur's comparison theorem, where κ bounds the geodesic's curvature in space.
 * That curvature is the surface's normal curvature along it, at most 1/M₀ with M₀ = a(1−e²) (the
 * meridian radius of curvature at the equator, 6,335 km, the least of WGS84). So if the least chord
 * from a position is c₀, the geodesically nearest site lies within chord U(c₀) (1 mm is added for
 * rounding); the bound is used only when c₀ is under {@value #FAR_M} m, else every site is measured.
 * U(c) exceeds c by c³/(24 M₀²): 0.9 m at 100 km, so ties closer than that are the only ones measured.
 *
 * <p>A grid cell lists the sites that can be nearest from some position in it: if r bounds the chord
 * from the cell's centre C to any of its positions, the triangle inequality (chords are Euclidean)
 * gives the list {s : chord(C, s) ≤ U(min chord(C, ·) + r) + r}. r is the length of a path within the
 * cell — along a parallel, then a meridian — at most R₁(Δλ/2 + Δφ/2), R₁ = a/√(1−e²) bounding both
 * radii of curvature. A cell listing one site needs no chord at all.
 *
 * <p>Built once; then read by any number of threads.
 */
final class SiteCells {
    private static final double A = 6_378_137.0;
    private static final double F = 1 / 298.257223563;
    private static final double E2 = F * (2 - F);
    private static final double M0 = A * (1 - E2);
    private static final double R1 = A / Math.sqrt(1 - E2);
    private static final double FAR_M = 1_000_000;
    private static final double ROUNDING_M = 1e-3;
    private static final int CELLS_ON_LONG_SIDE = 256;

    private final double[] lon;
    private final double[] lat;
    private final double[][] xyz;
    private final LonLatGrid grid;
    private final int[] start;
    private final int[] candidates;
    private final int[] all;

    private SiteCells(double[] lon, double[] lat, LonLatGrid grid) {
        this.lon = lon;
        this.lat = lat;
        this.xyz = new double[lon.length][];
        for (int i = 0; i < lon.length; i++) xyz[i] = ecef(lon[i], lat[i]);
        this.grid = grid;
        this.all = IntStream.range(0, lon.length).toArray();
        this.start = new int[grid == null ? 1 : grid.cells() + 1];
        this.candidates = grid == null ? new int[0] : fillCells();
    }

    /**
     * @param sites lon/lat pairs; their positions in the list are the answers' numbers
     * @param extent where positions are expected (positions outside it are answered, just slower)
     */
    static SiteCells build(List<double[]> sites, Envelope extent) {
        double[] lon = new double[sites.size()], lat = new double[sites.size()];
        for (int i = 0; i < lon.length; i++) {
            lon[i] = sites.get(i)[0];
            lat[i] = sites.get(i)[1];
        }
        return new SiteCells(lon, lat, sites.isEmpty() || extent.isNull() ? null : new LonLatGrid(extent, CELLS_ON_LONG_SIDE));
    }

    int sites() {
        return lon.length;
    }

    /** The number of the site nearest to (lon, lat), its distance in km written to {@code km[0]}; -1 without sites. */
    int nearest(double plon, double plat, double[] km) {
        int cell = grid == null ? -1 : grid.cell(plon, plat);
        int[] list = cell < 0 ? all : candidates;
        int from = cell < 0 ? 0 : start[cell], to = cell < 0 ? all.length : start[cell + 1];
        if (to - from == 1) {
            km[0] = geodesicM(plon, plat, list[from]) / 1000;
            return list[from];
        }
        double[] p = ecef(plon, plat);
        double least = Double.POSITIVE_INFINITY;
        for (int i = from; i < to; i++) least = Math.min(least, chord(p, xyz[list[i]]));
        double limit = upper(least);
        int best = -1;
        double bestM = Double.POSITIVE_INFINITY;
        for (int i = from; i < to; i++) {
            int s = list[i];
            if (chord(p, xyz[s]) > limit) continue;
            double m = geodesicM(plon, plat, s);
            if (m < bestM || (m == bestM && s < best)) {
                bestM = m;
                best = s;
            }
        }
        km[0] = best < 0 ? Double.NaN : bestM / 1000;
        return best;
    }

    private int[] fillCells() {
        double r = R1 * Math.toRadians(grid.cellWidth() / 2 + grid.cellHeight() / 2) * (1 + 1e-9) + ROUNDING_M;
        int[][] lists = new int[grid.cells()][];
        int total = 0;
        for (int row = 0; row < grid.rows(); row++) {
            for (int col = 0; col < grid.columns(); col++) {
                double[] c = ecef(grid.centreLon(col), grid.centreLat(row));
                double least = Double.POSITIVE_INFINITY;
                for (double[] s : xyz) least = Math.min(least, chord(c, s));
                double limit = upper(least + r) + r;
                int cell = row * grid.columns() + col;
                lists[cell] = IntStream.range(0, xyz.length).filter(s -> chord(c, xyz[s]) <= limit).toArray();
                total += lists[cell].length;
            }
        }
        int[] out = new int[total];
        for (int cell = 0; cell < lists.length; cell++) {
            start[cell + 1] = start[cell] + lists[cell].length;
            System.arraycopy(lists[cell], 0, out, start[cell], lists[cell].length);
        }
        return out;
    }

    /** U(c) + rounding: the longest geodesic whose chord is c; infinite beyond {@value #FAR_M} m. */
    private static double upper(double chordM) {
        if (chordM > FAR_M) return Double.POSITIVE_INFINITY;
        return 2 * M0 * Math.asin(chordM / (2 * M0)) + ROUNDING_M;
    }

    private double geodesicM(double plon, double plat, int site) {
        return Geodesic.WGS84.Inverse(plat, plon, lat[site], lon[site], GeodesicMask.DISTANCE).s12;
    }

    private static double chord(double[] p, double[] q) {
        double dx = p[0] - q[0], dy = p[1] - q[1], dz = p[2] - q[2];
        return Math.sqrt(dx * dx + dy * dy + dz * dz);
    }

    /** Earth-centred, Earth-fixed coordinates of a point on the WGS84 ellipsoid, in metres. */
    private static double[] ecef(double lonDeg, double latDeg) {
        double phi = Math.toRadians(latDeg), lambda = Math.toRadians(lonDeg);
        double sin = Math.sin(phi), cos = Math.cos(phi);
        double n = A / Math.sqrt(1 - E2 * sin * sin);
        return new double[] {n * cos * Math.cos(lambda), n * cos * Math.sin(lambda), n * (1 - E2) * sin};
    }
}
