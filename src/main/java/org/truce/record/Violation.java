package org.truce.record;


/** One reason an input was refused: where (an RFC 6901 JSON pointer) and why. */
public record Violation(String pointer, String detail) {}
