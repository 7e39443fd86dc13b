-- Data keys of restricted personal data, one per case (AES-256, 32 bytes). Kept out of the ledger so
-- that deleting a key erases the case's personal data from every copy of the ledger (crypto-shredding).
CREATE TABLE keys (
    case_id TEXT PRIMARY KEY,
    key     BLOB NOT NULL CHECK (length(key) = 32)
) STRICT;

-- Cases whose key was destroyed: they can never get a fresh key, so erased data stays erased.
CREATE TABLE destroyed (
    case_id TEXT PRIMARY KEY,
    at      TEXT NOT NULL
) STRICT;
