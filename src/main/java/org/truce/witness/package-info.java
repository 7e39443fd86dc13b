/**
 * Witnesses: the log seen from outside (C2SP tlog-witness and tlog-cosignature). The witness's side
 * ({@link org.truce.witness.Witness}: the add-checkpoint rules, its durable record per log, the
 * evidence it keeps of a log's misbehaviour, and pulling a log's head) and the log's side
 * ({@link org.truce.witness.Cosigning}: asking the configured witnesses to cosign each new head and
 * keeping their cosignatures). No HTTP server here: the routes are in {@code org.truce.web}.
 */
package org.truce.witness;
