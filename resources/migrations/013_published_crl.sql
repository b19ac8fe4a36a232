-- The CRL as last signed, with a digest of the revocation state it lists: a reader gets it
-- as stored, and a new one is signed only when that state has changed or the stored one is
-- past half its life. (Before, every anonymous GET signed one and wrote the database.)
CREATE TABLE published_crl (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    der {{BLOB}} NOT NULL,
    state_digest TEXT NOT NULL,
    this_update BIGINT NOT NULL,
    next_update BIGINT NOT NULL
);
