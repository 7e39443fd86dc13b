package org.truce.accounts;

/**
 * Input a user can cause that breaks an accounts rule (duplicate or unknown name, weak password,
 * malformed id). Names the offending {@link #field()} so that the HTTP layer can answer 4xx with a
 * pointer and the CLI can say which option to fix. Nothing was written when it is thrown.
 *
 * <p>It extends IllegalArgumentException so that the records' validation can throw it directly and
 * callers that only know the JDK type still treat it as bad input.
 */
public final class AccountRefused extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String field;

    /** @param reason a sentence that names the field, e.g. "username must have 3 to 64 characters" */
    public AccountRefused(String field, String reason) {
        super(reason);
        this.field = field;
    }

    /** The input field at fault: "id", "source", "username", "password", "role", "scope", "org", ... */
    public String field() {
        return field;
    }

    public String reason() {
        return getMessage();
    }
}
