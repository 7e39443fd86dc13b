package org.truce.web;

import java.util.function.Function;
import org.truce.settings.Setting;

/**
 * Who may read a draft (a bulletin of a date or size that was not published): signed-in accounts
 * always; anonymous readers only where the secretariat opens drafts to everyone with
 * {@code TRUCE_PUBLIC_DRAFTS=true} (off by default). Immutable.
 */
record DraftRule(boolean publicDrafts) {
    static final String ENV = Setting.PUBLIC_DRAFTS.variable;

    /** {@code TRUCE_PUBLIC_DRAFTS}: {@code true} or {@code false} (the default when unset); anything else is refused. */
    static DraftRule configured(Function<String, String> env) {
        String v = env.apply(ENV);
        if (v == null || v.isBlank()) return new DraftRule(false);
        return switch (v.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "true" -> new DraftRule(true);
            case "false" -> new DraftRule(false);
            default -> throw new IllegalArgumentException(ENV + " must be true or false, not " + v);
        };
    }

    boolean allows(Caller caller) {
        return publicDrafts || caller.principal() != null;
    }

    /** The refusal of a draft to an anonymous reader, naming the parameter that asked for it. */
    static Problem refusal(String parameter, String detail) {
        return new Problem(ErrorCode.DRAFT_NOT_PUBLIC, detail + "; drafts are shown to signed-in accounts only"
                + " (an operator may show them to everyone with " + ENV + "=true)",
                java.util.List.of(new org.truce.record.Violation("?" + parameter, detail)));
    }
}
