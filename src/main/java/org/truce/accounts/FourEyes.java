package org.truce.accounts;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.truce.record.Violation;

/**
 * The four-eyes rule of figures: which reports wait for a second account's confirmation before they
 * count, and who may give it. A figure transcribed in another body's name always waits (unless the
 * operator turned the rule off); a reporter's figure in its own body's name waits only where
 * configured. The second pair of eyes is another account ({@code another-account}, the default) or
 * another organisation ({@code another-organisation}); a reviewer holds the reporter, transcriber or
 * secretariat role. Which account recorded a report is kept privately ({@link AccountStore#recordedBy}).
 * Immutable; thread-safe.
 *
 * @param second who may be the second pair of eyes, or {@link Second#OFF}
 * @param ownToo whether a reporter's figures in its own body's name wait too
 */
public record FourEyes(Second second, boolean ownToo) {
    public static final String ENV = org.truce.settings.Setting.FOUR_EYES.variable;
    public static final String OWN_ENV = org.truce.settings.Setting.FOUR_EYES_OWN.variable;

    public enum Second {
        ANOTHER_ACCOUNT("another-account"), ANOTHER_ORGANISATION("another-organisation"), OFF("off");

        private final String wire;

        Second(String wire) {
            this.wire = wire;
        }

        public String wire() {
            return wire;
        }
    }

    /** The rule as the environment sets it: {@code TRUCE_FOUR_EYES} and {@code TRUCE_FOUR_EYES_OWN}; anything else is refused. */
    public static FourEyes configured(Function<String, String> env) {
        String v = env.apply(ENV);
        Second second = Second.ANOTHER_ACCOUNT;
        if (v != null && !v.isBlank()) {
            String wanted = v.strip().toLowerCase(Locale.ROOT);
            second = java.util.Arrays.stream(Second.values()).filter(s -> s.wire.equals(wanted)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(ENV + " must be another-account, another-organisation or off, not " + v));
        }
        String own = env.apply(OWN_ENV);
        if (own != null && !own.isBlank() && !own.strip().equalsIgnoreCase("true") && !own.strip().equalsIgnoreCase("false")) {
            throw new IllegalArgumentException(OWN_ENV + " must be true or false, not " + own);
        }
        return new FourEyes(second, own != null && own.strip().equalsIgnoreCase("true"));
    }

    /** Whether a figure waits for review: {@code transcribed} when its author does not speak for its body. */
    public boolean required(boolean transcribed) {
        return second != Second.OFF && (transcribed || ownToo);
    }

    /**
     * Why {@code p} may not confirm or reject a report (403), at pointer {@code at}; empty when it may.
     *
     * @param account the account that recorded the report, when it was noted
     * @param org     the organisation that recorded it, when known
     */
    public List<Violation> mayReview(Principal p, Optional<String> account, Optional<String> org, String at) {
        if (!p.has(Role.REPORTER) && !p.has(Role.TRANSCRIBER) && !p.has(Role.SECRETARIAT)) {
            return List.of(new Violation(at, "reviewing a figure needs the reporter, transcriber or secretariat role"));
        }
        if (second == Second.ANOTHER_ORGANISATION && org.isPresent() && org.get().equals(p.orgId())) {
            return List.of(new Violation(at, "your organisation recorded this figure; another organisation must review it"));
        }
        if (account.isPresent() ? account.get().equals(p.accountId()) : org.isPresent() && org.get().equals(p.orgId())) {
            // unknown account (the note failed): the organisation stands in for it, the stricter reading
            return List.of(new Violation(at, account.isPresent() ? "you recorded this figure; a second account must review it"
                    : "your organisation recorded this figure, and which account did is not known; another organisation must review it"));
        }
        return List.of();
    }
}
