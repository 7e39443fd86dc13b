package org.truce.web;

import java.util.List;
import org.truce.record.Violation;

/** An HTTP problem (RFC 9457) raised by a handler and rendered by the one exception mapper. */
public final class Problem extends RuntimeException {
    private final ErrorCode code;
    private final List<Violation> errors;

    public Problem(ErrorCode code, String detail, List<Violation> errors) {
        super(detail);
        this.code = code;
        this.errors = List.copyOf(errors);
    }

    public Problem(ErrorCode code, String detail) {
        this(code, detail, List.of());
    }

    public static Problem badParameter(String name, String detail) {
        return new Problem(ErrorCode.BAD_PARAMETER, "query parameter " + name + " " + detail,
                List.of(new Violation("?" + name, detail)));
    }

    public ErrorCode code() {
        return code;
    }

    public List<Violation> errors() {
        return errors;
    }
}
