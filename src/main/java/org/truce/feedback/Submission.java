package org.truce.feedback;

/** A reader's message as sent, unchecked: every field may be missing or wrong. Immutable. */
public record Submission(String bulletin, String kind, String name, String email, String text) {}
