package org.truce.bulletin;

import java.util.ArrayList;
import java.util.List;

/**
 * Places map labels so that none overlaps another, a point marker, or the frame: for each label in
 * the given order, the first free slot among eight positions around its anchor (right, upper right,
 * above, upper left, left, lower left, below, lower right) on rings of growing distance; beyond the
 * first ring a leader line joins the label to its anchor; a label with no free slot on any ring is
 * not drawn (the map key still lists it). Greedy and deterministic: the same input gives the same
 * placement. Stateless.
 */
final class LabelPlacement {
    static final double CHAR_WIDTH = 5.6;
    static final double HEIGHT = 10;
    private static final double[] RINGS = {4, 14, 26, 40, 56};
    /** Unit directions, in the order tried: the conventional cartographic preference, right and above first. */
    private static final double[][] DIRECTIONS = {{1, -1}, {1, -2}, {0, -2}, {-1, -2}, {-1, -1}, {-1, 1}, {0, 1}, {1, 1}};

    /** A label to place at a point of the drawing. */
    record Label(double x, double y, String text) {}

    /** An axis-aligned box in drawing units. */
    record Box(double x, double y, double w, double h) {
        boolean overlaps(Box o) {
            return x < o.x + o.w && o.x < x + w && y < o.y + o.h && o.y < y + h;
        }

        boolean inside(double width, double height) {
            return x >= 1 && y >= 1 && x + w <= width - 1 && y + h <= height - 1;
        }
    }

    /** Where a label went: its box, and whether a leader line joins it to its anchor; null box when not placed. */
    record Placed(Label label, Box box, boolean leader) {
        boolean placed() {
            return box != null;
        }

        /** The point of the box's edge nearest the anchor, where the leader line ends. */
        double[] leaderEnd() {
            double ex = Math.max(box.x(), Math.min(label.x(), box.x() + box.w()));
            double ey = Math.max(box.y(), Math.min(label.y(), box.y() + box.h()));
            return new double[] {ex, ey};
        }
    }

    private LabelPlacement() {}

    /**
     * @param obstacles boxes no label may cover (the point markers)
     * @param width the drawing's width; height its height: labels stay inside
     */
    static List<Placed> place(List<Label> labels, List<Box> obstacles, double width, double height) {
        List<Box> taken = new ArrayList<>(obstacles);
        List<Placed> out = new ArrayList<>();
        for (Label l : labels) {
            Placed p = first(l, taken, width, height);
            if (p.placed()) taken.add(p.box());
            out.add(p);
        }
        return out;
    }

    private static Placed first(Label l, List<Box> taken, double width, double height) {
        double w = l.text().length() * CHAR_WIDTH + 2;
        for (int ring = 0; ring < RINGS.length; ring++) {
            double r = RINGS[ring];
            for (double[] d : DIRECTIONS) {
                Box b = box(l, d, r, w);
                if (!b.inside(width, height) || taken.stream().anyMatch(b::overlaps)) continue;
                return new Placed(l, b, ring > 0);
            }
        }
        return new Placed(l, null, false);
    }

    /** The box whose near side is {@code r} from the anchor in direction {@code d} (-1, 0, 1 horizontally; -2, -1, 1 vertically). */
    private static Box box(Label l, double[] d, double r, double w) {
        double x = d[0] > 0 ? l.x() + r : d[0] < 0 ? l.x() - r - w : l.x() - w / 2;
        double y = switch ((int) d[1]) {
            case -2 -> l.y() - r - HEIGHT;
            case -1 -> l.y() - HEIGHT / 2;
            default -> l.y() + r;
        };
        if (d[0] != 0 && d[1] == -2) y = l.y() - r * 0.7 - HEIGHT;
        if (d[0] != 0 && d[1] == 1) y = l.y() + r * 0.7;
        if (d[1] == -1) x = d[0] > 0 ? l.x() + r : l.x() - r - w;
        return new Box(x, y, w, HEIGHT);
    }
}
