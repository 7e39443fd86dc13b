-- Which account recorded an entry that awaits a second account's review (four eyes). The public
-- ledger names only the organisation; this stays private, like the audit trail.
CREATE TABLE recorded_by (
    entry_id   TEXT PRIMARY KEY,
    account_id TEXT NOT NULL
);
