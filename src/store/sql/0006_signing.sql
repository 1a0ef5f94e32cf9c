-- Signed certificates (issue 14): Ed25519 keys kept in the database, and each new
-- certificate's signed QR payload.
-- signing_key.key_id: the first 16 hex characters of SHA-256 of the public key.
-- signing_key.private_key: the 32-byte secret; never printed, exported or logged.
-- signing_key.retired_at: NULL for the active key; a retired key stays for verification.
-- signing_key.active: 1 for the active key, NULL once retired (UNIQUE: at most one active).
CREATE TABLE signing_key (
    id          INTEGER PRIMARY KEY,
    key_id      TEXT NOT NULL UNIQUE,
    public_key  BLOB NOT NULL,
    private_key BLOB NOT NULL,
    created_at  TEXT NOT NULL,
    retired_at  TEXT,
    active      INTEGER UNIQUE
);

-- The signed payload printed in the QR code (`LOTSE1.<body>.<signature>`), frozen with the
-- snapshot; NULL for certificates issued before signing (and once the holder was erased).
ALTER TABLE certificate ADD COLUMN signed_payload TEXT;
