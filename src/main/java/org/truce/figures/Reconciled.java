package org.truce.figures;

import java.math.BigDecimal;
import java.util.List;

/**
 * Every source's figure for one metric, place and date side by side, never summed or averaged; the
 * spread between them; and the bodies known to report on the metric that have no figure. Immutable.
 *
 * @param spread highest minus lowest value, or null with fewer than two figures
 * @param partial sources that reported on only some of the place's children: shown, never summed
 */
public record Reconciled(List<Figure> figures, BigDecimal lowest, BigDecimal highest, BigDecimal spread,
                         List<Figure> partial, List<Source> noReport) {}
