/**
 * Ceasefire incidents: allegations, each party's claim about them (never merged), the monitors'
 * verification workflow and findings, links between duplicate allegations, and nil reports ("no
 * violations recorded"), all as ledger entries; daily counts, duplicate proposals, the ACLED-style
 * export and the bulletin's ceasefire section are read from the {@link org.truce.incidents.IncidentBook}.
 */
package org.truce.incidents;
