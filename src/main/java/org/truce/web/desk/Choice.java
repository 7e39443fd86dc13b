package org.truce.web.desk;

/** One option of a picker: the id sent and the label shown. Immutable. */
public record Choice(String id, String label) {}
