package org.truce.accounts;

import java.util.regex.Pattern;

/** The shapes of identifiers in the accounts capability, checked in one place. Stateless. */
final class Names {
    /** Organisation ids are also path segments and ledger authors: lower-case, no dots. */
    private static final Pattern ORG_ID = Pattern.compile("[a-z0-9][a-z0-9-]{1,62}");
    /** The ledger catalog's id rule for sources (see figures.Reading). */
    private static final Pattern SOURCE_ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9._-]{3,64}");
    private static final Pattern ACCOUNT_ID = Pattern.compile("u-[a-z2-7]{12}");
    private static final int MAX_LABEL = 200;

    private Names() {}

    static String orgId(String field, String value) {
        if (value == null || !ORG_ID.matcher(value).matches()) {
            throw new AccountRefused(field, field + " must be 2 to 63 characters a-z, 0-9 and '-', not starting with '-'"
                    + shown(value));
        }
        return value;
    }

    static String sourceId(String value) {
        if (value == null || !SOURCE_ID.matcher(value).matches()) {
            throw new AccountRefused("source", "source must be a catalog source id (a-z, 0-9, '.', '_', '-'; at most 64)"
                    + shown(value));
        }
        return value;
    }

    static String username(String value) {
        if (value == null || !USERNAME.matcher(value).matches()) {
            throw new AccountRefused("username", "username must be 3 to 64 characters a-z, 0-9, '.', '_' and '-'"
                    + shown(value));
        }
        return value;
    }

    static String accountId(String value) {
        if (value == null || !ACCOUNT_ID.matcher(value).matches()) {
            throw new AccountRefused("account", "account id must be 'u-' and 12 base32 characters" + shown(value));
        }
        return value;
    }

    /** Free text shown to people (organisation names, token labels): not blank, no control characters. */
    static String label(String field, String value) {
        if (value == null || value.isBlank()) throw new AccountRefused(field, field + " must not be blank");
        if (value.length() > MAX_LABEL) throw new AccountRefused(field, field + " must have at most " + MAX_LABEL + " characters");
        if (value.chars().anyMatch(Character::isISOControl)) {
            throw new AccountRefused(field, field + " must not contain control characters");
        }
        return value.strip();
    }

    private static String shown(String value) {
        if (value == null) return " (it is missing)";
        return value.length() <= 80 ? " (got \"" + value + "\")" : "";
    }
}
