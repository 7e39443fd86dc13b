/**
 * The catalog every capability speaks in: sources (the bodies that report, their roles and what
 * they are part of), metrics (what is counted, in which unit), places and map features with every
 * side's names, kept apart and never merged ({@link org.truce.catalog.PlaceNames}). Immutable value
 * types, and the ports through which a capability reads the catalog and the map as known at a ledger
 * size ({@link org.truce.catalog.Catalog}, {@link org.truce.catalog.MapFeatures}) without knowing the
 * projections that keep them.
 */
package org.truce.catalog;
