/** Importers: the demo dataset transcribed from public sources, and synthetic data for volume tests. */
package org.truce.ingest;
