package org.truce.cases;

/**
 * What one party calls the person of a case (prisoner of war, detainee, hostage): that party's claim,
 * kept in its words and never reconciled with the others'. Immutable.
 */
public record PartyTerm(String party, String term) {}
