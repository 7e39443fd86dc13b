package org.truce.bulletin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Map labels never overlap each other, the point markers or the frame, and the same input places them the same way. */
class LabelPlacementTest {

    @Test
    void crowded_labels_never_overlap_and_far_ones_keep_a_leader_line() {
        List<LabelPlacement.Label> labels = new ArrayList<>();
        Random random = new Random(42);
        for (int i = 1; i <= 30; i++) labels.add(new LabelPlacement.Label(200 + random.nextDouble() * 40, 150 + random.nextDouble() * 40, Integer.toString(i)));
        List<LabelPlacement.Box> markers = labels.stream().map(l -> new LabelPlacement.Box(l.x() - 3, l.y() - 3, 6, 6)).toList();
        List<LabelPlacement.Placed> placed = LabelPlacement.place(labels, markers, 480, 320);
        List<LabelPlacement.Box> boxes = placed.stream().filter(LabelPlacement.Placed::placed).map(LabelPlacement.Placed::box).toList();
        assertThat(boxes).hasSizeGreaterThan(20);
        for (int i = 0; i < boxes.size(); i++) {
            assertThat(boxes.get(i).inside(480, 320)).isTrue();
            for (int j = i + 1; j < boxes.size(); j++) assertThat(boxes.get(i).overlaps(boxes.get(j))).as(i + " and " + j).isFalse();
            for (LabelPlacement.Box m : markers) assertThat(boxes.get(i).overlaps(m)).isFalse();
        }
        assertThat(placed).anyMatch(LabelPlacement.Placed::leader);
        assertThat(LabelPlacement.place(labels, markers, 480, 320)).isEqualTo(placed);
    }

    @Test
    void a_lone_label_sits_right_of_its_point_without_a_leader() {
        var placed = LabelPlacement.place(List.of(new LabelPlacement.Label(100, 100, "7")), List.of(), 480, 320).get(0);
        assertThat(placed.leader()).isFalse();
        assertThat(placed.box().x()).isEqualTo(104);
    }

    @Test
    void the_pdf_map_draws_each_label_once_clear_of_the_others() {
        var f = new org.locationtech.jts.geom.GeometryFactory();
        List<SvgMap.Shape> shapes = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            shapes.add(new SvgMap.Shape(f.createPoint(new org.locationtech.jts.geom.Coordinate(46.7 + i * 0.001, 39.8 + i * 0.001)), "point", i + 1, false));
        }
        String svg = SvgMap.render(shapes, List.of(), "map of twelve points");
        assertThat(svg).contains("<title>map of twelve points</title>");
        var texts = java.util.regex.Pattern.compile("<text x=\"[0-9.]+\" y=\"[0-9.]+\">(\\d+)</text>").matcher(svg).results().map(r -> r.group(1)).toList();
        assertThat(texts).doesNotHaveDuplicates().hasSizeGreaterThan(8);
    }
}
