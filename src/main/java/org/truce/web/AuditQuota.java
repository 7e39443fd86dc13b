package org.truce.web;

import java.util.function.Function;
import org.truce.settings.Setting;

/**
 * {@code TRUCE_AUDIT_QUOTA_BYTES}: how many bytes the audit store may hold before refusal records are
 * dropped (see {@link org.truce.audit.AuditTrail}); 1 GiB when unset. Sign-ins, token use and
 * restricted reads are recorded beyond it, and the ledger is never limited by it.
 */
final class AuditQuota {
    static final String ENV = Setting.AUDIT_QUOTA_BYTES.variable;
    static final long DEFAULT = Long.parseLong(Setting.AUDIT_QUOTA_BYTES.defaultValue);

    private AuditQuota() {}

    /** @throws IllegalArgumentException if the setting is not a positive whole number of bytes */
    static long configured(Function<String, String> env) {
        String v = env.apply(ENV);
        if (v == null || v.isBlank()) return DEFAULT;
        try {
            long bytes = Long.parseLong(v.strip());
            if (bytes > 0) return bytes;
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new IllegalArgumentException(ENV + " must be a positive whole number of bytes, not " + v);
    }
}
