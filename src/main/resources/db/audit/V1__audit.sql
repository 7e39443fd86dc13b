-- The audit trail, apart from the public ledger: records exactly as hashed (at as ISO-8601 UTC
-- millis text, fixed width, so it compares chronologically as text). STRICT so no value is coerced.
CREATE TABLE records (
    seq     INTEGER PRIMARY KEY,
    at      TEXT    NOT NULL,
    actor   TEXT    NOT NULL,
    org     TEXT,
    action  TEXT    NOT NULL,
    target  TEXT,
    address TEXT,
    detail  TEXT,
    hash    TEXT    NOT NULL
) STRICT;

CREATE INDEX records_by_org ON records (org, seq);

-- Records are never changed. This stops mistakes; the hash chain catches anyone who drops the trigger.
CREATE TRIGGER records_are_append_only BEFORE UPDATE ON records
BEGIN
    SELECT RAISE(ABORT, 'audit records are append-only');
END;

-- After a prune: the seq and hash of the last pruned record, which the first kept record links to.
CREATE TABLE anchor (
    id   INTEGER PRIMARY KEY CHECK (id = 1),
    seq  INTEGER NOT NULL,
    hash TEXT    NOT NULL
) STRICT;
