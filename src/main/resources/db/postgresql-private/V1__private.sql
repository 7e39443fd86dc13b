-- The stores kept out of the public ledger, shared by every node of one database, in schema
-- truce_private (Flyway creates it and keeps its history there), so that a dump of the public schema
-- (the ledger) never carries them. Nodes reach them with search_path = truce_private.

-- Accounts: organisations, users, grants, API tokens (only the SHA-256 of a token's secret).
CREATE TABLE organisations (
    id        text NOT NULL PRIMARY KEY,
    source_id text NOT NULL,
    name      text NOT NULL
);
CREATE TABLE accounts (
    id            text        NOT NULL PRIMARY KEY,
    org_id        text        NOT NULL REFERENCES organisations (id),
    username      text        NOT NULL UNIQUE,
    password_hash text        NOT NULL,        -- Argon2id PHC string
    disabled      boolean     NOT NULL DEFAULT false,
    created_at    timestamptz NOT NULL
);
CREATE INDEX accounts_by_org ON accounts (org_id);
CREATE TABLE grants (
    account_id text NOT NULL REFERENCES accounts (id),
    role       text NOT NULL CHECK (role IN ('reporter', 'transcriber', 'verifier', 'analyst', 'secretariat',
                                             'custodian', 'admin')),
    scope_org  text NOT NULL REFERENCES organisations (id),
    PRIMARY KEY (account_id, role, scope_org)
);
CREATE INDEX grants_by_role ON grants (role);
CREATE TABLE tokens (
    id            text        NOT NULL PRIMARY KEY,
    account_id    text        NOT NULL REFERENCES accounts (id),
    name          text        NOT NULL,
    secret_sha256 bytea       NOT NULL CHECK (length(secret_sha256) = 32),
    created_at    timestamptz NOT NULL,
    expires_at    timestamptz NOT NULL,
    revoked_at    timestamptz,
    last_used_at  timestamptz
);
CREATE INDEX tokens_by_account ON tokens (account_id);

-- Browser sessions: only the SHA-256 of the session id (the cookie) is kept, so reading the table
-- gives nobody a live session.
CREATE TABLE sessions (
    id_sha256  bytea       NOT NULL PRIMARY KEY CHECK (length(id_sha256) = 32),
    account_id text        NOT NULL,
    csrf       text        NOT NULL,
    created_at timestamptz NOT NULL,
    last_seen  timestamptz NOT NULL
);
CREATE INDEX sessions_by_last_seen ON sessions (last_seen);
CREATE INDEX sessions_by_created ON sessions (created_at);

-- Sign-in attempts counted against a username or an address (sliding window; SignInThrottle).
CREATE TABLE sign_in_attempts (
    id  bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    key text        NOT NULL,
    at  timestamptz NOT NULL
);
CREATE INDEX sign_in_attempts_by_key ON sign_in_attempts (key, at);
CREATE INDEX sign_in_attempts_by_at ON sign_in_attempts (at);

-- The audit trail: records exactly as hashed (AuditChain), one chain for every node.
CREATE TABLE audit_records (
    seq     bigint      NOT NULL PRIMARY KEY CHECK (seq > 0),
    at      timestamptz NOT NULL,
    actor   text        NOT NULL,
    org     text,
    action  text        NOT NULL,
    target  text,
    address text,
    detail  text,
    hash    text        NOT NULL
);
CREATE INDEX audit_records_by_org ON audit_records (org, seq);
CREATE INDEX audit_records_by_at ON audit_records (at);
-- Records are never changed. This stops mistakes; the hash chain catches anyone who drops the trigger.
CREATE FUNCTION audit_records_are_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit records are append-only';
END $$;
CREATE TRIGGER audit_records_are_append_only BEFORE UPDATE ON audit_records
    FOR EACH ROW EXECUTE FUNCTION audit_records_are_append_only();
-- After a prune: the seq and hash of the last pruned record, which the first kept record links to.
CREATE TABLE audit_anchor (
    id   boolean PRIMARY KEY DEFAULT true CHECK (id),
    seq  bigint  NOT NULL,
    hash text    NOT NULL
);

-- Data keys of restricted personal data, one per case (AES-256). Deleting a key erases the case's
-- personal data from every copy of the ledger (crypto-shredding).
CREATE TABLE data_keys (
    case_id text  NOT NULL PRIMARY KEY,
    key     bytea NOT NULL CHECK (length(key) = 32)
);
-- Cases whose key was destroyed: they never get a fresh key, so erased data stays erased.
CREATE TABLE destroyed_keys (
    case_id text        NOT NULL PRIMARY KEY,
    at      timestamptz NOT NULL
);

-- Readers' corrections and questions. The email column is written once and read by no query of the
-- application (it is never shown or exported).
CREATE TABLE feedback (
    id          text        NOT NULL PRIMARY KEY,
    bulletin    date        NOT NULL,
    kind        text        NOT NULL CHECK (kind IN ('CORRECTION', 'QUESTION')),
    name        text        NOT NULL,
    email       text        NOT NULL,
    body        text        NOT NULL,
    received_at timestamptz NOT NULL,
    status      text        NOT NULL CHECK (status IN ('HELD', 'ANSWERED', 'PUBLISHED', 'DISMISSED')),
    answer      text,
    answered_by text,
    answered_at timestamptz
);
CREATE INDEX feedback_by_status ON feedback (status, received_at);
