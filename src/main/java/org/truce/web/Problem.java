package org.truce.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.truce.record.Violation;

/** An HTTP problem (RFC 9457) raised by a handler and rendered by the one exception mapper. */
public final class Problem extends RuntimeException {
    private final ErrorCode code;
    private final List<Violation> errors;
    private final ObjectNode members;

    public Problem(ErrorCode code, String detail, List<Violation> errors) {
        this(code, detail, errors, null);
    }

    /** @param members extension members of the problem (RFC 9457 §3.2), or null */
    public Problem(ErrorCode code, String detail, List<Violation> errors, ObjectNode members) {
        super(detail);
        this.code = code;
        this.errors = List.copyOf(errors);
        this.members = members;
    }

    /** Extension members (RFC 9457 §3.2) to add to the problem's object; null for none. */
    public ObjectNode members() {
        return members;
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
