-- From this version the audit chain is keyed: each row's hash is an HMAC-SHA256 under a key
-- derived from the master key, which is never in the database. The start that applies this
-- migration checks the older, unkeyed chain and re-chains it under the key once; this table
-- records that it happened (and whether the unkeyed chain was intact).
CREATE TABLE audit_rekeys (
    rekeyed_at BIGINT NOT NULL,
    rows_rekeyed BIGINT NOT NULL,
    legacy_intact INTEGER NOT NULL
);
