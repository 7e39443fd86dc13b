package org.truce.figures;

import org.truce.catalog.Source;
import java.util.List;

/**
 * Every source's figure for one metric, place and date side by side, never summed or averaged; the
 * spread between them, like with like ({@link Spread}); and the bodies known to report on the metric
 * that have no figure. Immutable.
 *
 * @param partial sources that reported on only some of the place's children: shown, never summed
 */
public record Reconciled(List<Figure> figures, Spread spread, List<Figure> partial, List<Source> noReport) {}
