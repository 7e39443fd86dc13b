/**
 * Importers: the demo dataset transcribed from public sources, synthetic data for volume tests, and
 * spreadsheets of figures (CSV/XLSX/HXL): {@link org.truce.ingest.SheetReader} reads a file into a
 * {@link org.truce.ingest.Sheet}, {@link org.truce.ingest.ColumnMapping} finds its columns (header
 * words in five languages, HXL tags, a saved mapping), {@link org.truce.ingest.ImportPlan} reads each
 * row into the report it says (locale numbers and dates, qualifier words, catalog labels, a stable
 * id) as a {@link org.truce.ingest.RowPreview}. Nothing here writes: the write path checks and
 * records the reports.
 */
package org.truce.ingest;
