package org.truce.accounts;

import java.util.Locale;
import java.util.Optional;

/** What an account may do, always within an organisation (see {@link Grant}). */
public enum Role {
    REPORTER, TRANSCRIBER, VERIFIER, ANALYST, SECRETARIAT, CUSTODIAN, ADMIN;

    /** The lower-case name used on the wire, in the CLI and in the accounts file. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The role named by its wire name (case-insensitive), or empty. */
    public static Optional<Role> parse(String text) {
        if (text == null) return Optional.empty();
        String wanted = text.trim().toLowerCase(Locale.ROOT);
        for (Role r : values()) if (r.wireName().equals(wanted)) return Optional.of(r);
        return Optional.empty();
    }

    /** The wire names, for messages that list what is allowed. */
    public static String wireNames() {
        StringBuilder out = new StringBuilder();
        for (Role r : values()) out.append(out.length() == 0 ? "" : ", ").append(r.wireName());
        return out.toString();
    }
}
