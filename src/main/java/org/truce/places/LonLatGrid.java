package org.truce.places;

import org.locationtech.jts.geom.Envelope;

/**
 * A regular grid of lon/lat cells over an envelope, row-major from the south-west corner. Cells are
 * closed rectangles; a position on the line between two cells is put in either. Immutable.
 */
final class LonLatGrid {
    private final double minX;
    private final double minY;
    private final double dx;
    private final double dy;
    private final int nx;
    private final int ny;

    /** A grid of about {@code cellsOnLongSide} square-degree cells along the envelope's longer side. */
    LonLatGrid(Envelope extent, int cellsOnLongSide) {
        if (extent.isNull()) throw new IllegalArgumentException("the grid's extent must not be empty");
        double side = Math.max(Math.max(extent.getWidth(), extent.getHeight()), 1e-6) / cellsOnLongSide;
        this.minX = extent.getMinX();
        this.minY = extent.getMinY();
        this.nx = Math.max(1, (int) Math.ceil(extent.getWidth() / side));
        this.ny = Math.max(1, (int) Math.ceil(extent.getHeight() / side));
        this.dx = side;
        this.dy = side;
    }

    int cells() {
        return nx * ny;
    }

    int columns() {
        return nx;
    }

    int rows() {
        return ny;
    }

    /** The cell holding (lon, lat), or -1 outside the grid. */
    int cell(double lon, double lat) {
        double fx = (lon - minX) / dx;
        double fy = (lat - minY) / dy;
        if (!(fx >= 0 && fy >= 0 && fx <= nx && fy <= ny)) return -1;
        return Math.min((int) fy, ny - 1) * nx + Math.min((int) fx, nx - 1);
    }

    int column(double lon) {
        return clamp((int) Math.floor((lon - minX) / dx), nx);
    }

    int row(double lat) {
        return clamp((int) Math.floor((lat - minY) / dy), ny);
    }

    double centreLon(int column) {
        return minX + (column + 0.5) * dx;
    }

    double centreLat(int row) {
        return minY + (row + 0.5) * dy;
    }

    double cellWidth() {
        return dx;
    }

    double cellHeight() {
        return dy;
    }

    private static int clamp(int i, int n) {
        return Math.max(0, Math.min(i, n - 1));
    }
}
