-- A card Lanyard issued keeps its PUK with the engine (wrapped like the administrator key), so
-- Self-Service automation can lock the card by resetting its PIN, and the holder can unblock
-- it only with a challenge the helpdesk answered.
ALTER TABLE devices ADD COLUMN puk_wrapped {{BLOB}};

-- One open unblock challenge per card; replaced when a new one is asked for, deleted when used.
CREATE TABLE vsc_unblock_challenges (
    device_id BIGINT PRIMARY KEY REFERENCES devices (id),
    challenge TEXT NOT NULL,
    expires_at BIGINT NOT NULL
);

-- The computer a collection runs on: a virtual smart card's device keeps its full DNS name, which
-- Self-Service automation asks by.
ALTER TABLE collection_sessions ADD COLUMN dns_name TEXT NOT NULL DEFAULT '';
