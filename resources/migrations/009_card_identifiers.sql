-- A person's PIV card identifiers are compared as stored: card UUIDs in lower case without
-- braces (written with braces before, which a certificate's urn:uuid never matched), and
-- each identifier belongs to one person at most.
UPDATE people SET card_uuid = LOWER(REPLACE(REPLACE(card_uuid, '{', ''), '}', '')) WHERE card_uuid <> '';
CREATE UNIQUE INDEX people_fascn_unique ON people (fascn) WHERE fascn <> '';
CREATE UNIQUE INDEX people_card_uuid_unique ON people (card_uuid) WHERE card_uuid <> '';
