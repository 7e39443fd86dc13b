-- The ledger shared by every node: entries exactly as hashed (RFC 8785 bytes), seq = Merkle leaf index.
CREATE TABLE entries (
    seq       bigint PRIMARY KEY CHECK (seq >= 0),
    client_id text   NOT NULL UNIQUE,
    body      bytea  NOT NULL
);

-- Signed tree heads (C2SP signed note text), one per tree size, written with their batch.
CREATE TABLE heads (
    size bigint PRIMARY KEY CHECK (size > 0),
    note text   NOT NULL
);
