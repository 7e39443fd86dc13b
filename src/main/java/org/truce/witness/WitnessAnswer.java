package org.truce.witness;

/**
 * What a witness answers an add-checkpoint request (https://c2sp.org/tlog-witness), as a value: the
 * web layer turns it into the HTTP status and body the protocol names.
 */
public sealed interface WitnessAnswer {
    /** The HTTP status of this answer. */
    int status();

    /** 200: the cosignature line(s), each {@code — name base64} ending in '\n'. */
    record Cosigned(String lines) implements WitnessAnswer {
        @Override
        public int status() {
            return 200;
        }
    }

    /** 409: the old size is not the size of the latest checkpoint cosigned for the origin (0 if none). */
    record Conflict(long size) implements WitnessAnswer {
        @Override
        public int status() {
            return 409;
        }
    }

    /**
     * 400 (malformed request, old size beyond the checkpoint), 403 (no valid signature of a trusted log
     * key), 404 (unknown origin) or 422 (not consistent with what was cosigned), with the reason.
     */
    record Refused(int status, String reason) implements WitnessAnswer {
        public Refused {
            if (status != 400 && status != 403 && status != 404 && status != 422) {
                throw new IllegalArgumentException("status " + status + " is not a refusal of add-checkpoint");
            }
        }
    }
}
