package org.truce.figures;

/** A source withdraws one of its reports from the record time of this entry on. Immutable. */
public record Retraction(String id, String source, String retracts, String reason) {}
