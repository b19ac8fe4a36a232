-- Self-Service logon with a card: the engine hands out a random challenge before anyone is
-- logged on, and takes it back once, with the card's signature over it, within its lifetime.
CREATE TABLE card_logon_challenges (
    challenge TEXT PRIMARY KEY,
    expires_at BIGINT NOT NULL
);
CREATE INDEX card_logon_challenges_expiry ON card_logon_challenges (expires_at);
