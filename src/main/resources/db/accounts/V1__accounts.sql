-- Accounts: private to the node, never part of the public ledger. STRICT so that every column
-- holds exactly its declared type. Times are ISO-8601 UTC text (Instant.toString).

CREATE TABLE organisations (
    id        TEXT NOT NULL PRIMARY KEY,
    source_id TEXT NOT NULL,
    name      TEXT NOT NULL
) STRICT;

CREATE TABLE accounts (
    id            TEXT    NOT NULL PRIMARY KEY,
    org_id        TEXT    NOT NULL REFERENCES organisations (id),
    username      TEXT    NOT NULL UNIQUE,
    password_hash TEXT    NOT NULL,        -- Argon2id PHC string
    disabled      INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
    created_at    TEXT    NOT NULL
) STRICT;

CREATE INDEX accounts_by_org ON accounts (org_id);

CREATE TABLE grants (
    account_id TEXT NOT NULL REFERENCES accounts (id),
    role       TEXT NOT NULL CHECK (role IN ('reporter', 'transcriber', 'verifier', 'analyst', 'secretariat',
                                             'custodian', 'admin')),
    scope_org  TEXT NOT NULL REFERENCES organisations (id),
    PRIMARY KEY (account_id, role, scope_org)
) STRICT;

CREATE INDEX grants_by_role ON grants (role);

-- Only the SHA-256 of a token's secret is kept; the secret is shown once when issued.
CREATE TABLE tokens (
    id            TEXT NOT NULL PRIMARY KEY,
    account_id    TEXT NOT NULL REFERENCES accounts (id),
    name          TEXT NOT NULL,
    secret_sha256 BLOB NOT NULL CHECK (length(secret_sha256) = 32),
    created_at    TEXT NOT NULL,
    expires_at    TEXT NOT NULL,
    revoked_at    TEXT,
    last_used_at  TEXT
) STRICT;

CREATE INDEX tokens_by_account ON tokens (account_id);
