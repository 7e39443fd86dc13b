package org.truce.web;

/** Stable error codes of the API, each with its HTTP status and title (RFC 9457 "type" is derived from the code). */
public enum ErrorCode {
    MALFORMED_JSON(400, "The request body is not valid JSON"),
    MALFORMED_BODY(400, "The request body cannot be read as its content type says"),
    TOO_DEEP(400, "The request body nests deeper than the contract allows"),
    BAD_PARAMETER(400, "A query parameter is missing or invalid"),
    UNAUTHORIZED(401, "Authentication is required"),
    FORBIDDEN(403, "Your roles do not allow this"),
    BODY_SIGNATURE(403, "An entry in the name of a body that signs needs that body's signature over its canonical payload; nothing was written"),
    CSRF(403, "The anti-forgery token is missing or wrong"),
    DRAFT_NOT_PUBLIC(403, "This bulletin was not published; its draft is not public"),
    NOT_FOUND(404, "Not found"),
    MIRROR_READ_ONLY(405, "This node is a mirror: it serves another node's record read-only; write to that node"),
    REQUEST_TIMEOUT(408, "The request body came too slowly or took too long; nothing was written"),
    CONFLICT(409, "The id is already used by different content"),
    DUPLICATE(409, "The same figure or nil report is already in the record; send duplicateOf with a reason to record it anyway"),
    TOO_LARGE(413, "The request body is larger than 8 MiB"),
    UNSUPPORTED_MEDIA_TYPE(415, "The request body must be application/json"),
    NOT_A_SHEET(415, "The file must be a CSV or XLSX spreadsheet"),
    INVALID(422, "The input breaks the contract or the record's rules; nothing was written"),
    THROTTLED(429, "Too many requests from you; wait before trying again"),
    UNAVAILABLE(503, "The store could not take the write; nothing was acknowledged");

    private final int status;
    private final String title;

    ErrorCode(int status, String title) {
        this.status = status;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String type() {
        return "https://truce.local/problems/" + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
