-- Readers' corrections and questions, kept apart from the public ledger. The email column is written
-- once and read by no query of the application (it is never shown or exported).
CREATE TABLE messages (
    id          TEXT PRIMARY KEY,
    bulletin    TEXT NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('CORRECTION', 'QUESTION')),
    name        TEXT NOT NULL,
    email       TEXT NOT NULL,
    body        TEXT NOT NULL,
    received_at TEXT NOT NULL,
    status      TEXT NOT NULL CHECK (status IN ('HELD', 'ANSWERED', 'PUBLISHED', 'DISMISSED')),
    answer      TEXT,
    answered_by TEXT,
    answered_at TEXT
) STRICT;

CREATE INDEX messages_by_status ON messages (status, received_at);
