/**
 * The catalog every capability speaks in: sources (the bodies that report, their roles and what
 * they are part of), metrics (what is counted, in which unit) and places with every side's names,
 * kept apart and never merged ({@link org.truce.catalog.PlaceNames}). Immutable value types.
 */
package org.truce.catalog;
