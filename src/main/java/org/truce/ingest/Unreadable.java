package org.truce.ingest;

/**
 * A file or a mapping that cannot be read as a sheet of figures at all (not CSV or XLSX, a charset
 * that does not decode, no column for a required field): the whole upload is refused, naming why.
 * {@code field} is the option or part of the upload at fault ("file", "charset", "sheet", "mapping",
 * "columns").
 */
public final class Unreadable extends RuntimeException {
    private final String field;
    private final boolean notASheet;

    public Unreadable(String field, String message) {
        this(field, message, false);
    }

    private Unreadable(String field, String message, boolean notASheet) {
        super(message);
        this.field = field;
        this.notASheet = notASheet;
    }

    /** The file is neither CSV nor XLSX (an API answers 415). */
    public static Unreadable notASheet(String message) {
        return new Unreadable("file", message, true);
    }

    public String field() {
        return field;
    }

    public boolean notASheet() {
        return notASheet;
    }
}
