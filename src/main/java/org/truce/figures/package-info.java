/**
 * Reports of what is counted, in the catalog's terms ({@code org.truce.catalog}): the declarations of
 * sources, metrics and places, reports with their corrections and retractions, the input rules, and the bitemporal as-of fold ("as of D, known at T")
 * with its series, rollups, reconciliation of sources side by side and consistency flags.
 * {@link org.truce.figures.FigureBook} is the projection (one writer, readers of the present through
 * the lock-free {@code AsOfIndex}); {@link org.truce.figures.Recorder} checks and appends reports.
 */
package org.truce.figures;
