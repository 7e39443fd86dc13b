-- The ledger: entries exactly as hashed (RFC 8785 bytes), seq = Merkle leaf index.
-- STRICT so that body can only ever hold a BLOB, never a re-encoded TEXT value.
CREATE TABLE entries (
    seq       INTEGER PRIMARY KEY,
    client_id TEXT    NOT NULL UNIQUE,
    body      BLOB    NOT NULL
) STRICT;

-- Signed tree heads (C2SP signed note text), one per tree size.
CREATE TABLE heads (
    size INTEGER PRIMARY KEY,
    note TEXT    NOT NULL
) STRICT;
