-- A derived credential (NIST SP 800-157) is bound to the PIV card it was issued on: the card's
-- PIV Authentication certificate is kept with the request, so the engine can end the derived
-- credential when the card's trust ends, and the credential never outlives the card.
ALTER TABLE jobs ADD COLUMN parent_certificate TEXT NOT NULL DEFAULT '';
ALTER TABLE jobs ADD COLUMN parent_fingerprint TEXT NOT NULL DEFAULT '';
ALTER TABLE jobs ADD COLUMN valid_until BIGINT;
CREATE INDEX jobs_parent_fingerprint ON jobs (parent_fingerprint);

-- One-time challenges the kiosk has a card sign; deleted when used or expired.
CREATE TABLE parent_card_challenges (
    challenge TEXT PRIMARY KEY,
    fingerprint TEXT NOT NULL,
    expires_at BIGINT NOT NULL
);
