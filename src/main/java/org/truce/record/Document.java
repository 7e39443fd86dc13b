package org.truce.record;

import java.time.LocalDate;

/** The document that carried a figure (the outlet, not the originator). Immutable; date and url optional. */
public record Document(String title, String publisher, LocalDate date, String url) {}
