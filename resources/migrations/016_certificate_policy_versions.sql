-- Certificate policies are versioned like profiles: a save adds a version, and a certificate
-- names the version it was issued under, so changing a policy never rewrites what an issued
-- certificate was promised. cert_policies keeps what a policy is (its name, which profiles
-- point at); cert_policy_versions keeps what each version said. Certificates may now also
-- carry the card's FASC-N and UUID.
CREATE TABLE cert_policy_versions (
    id {{ID}},
    policy_id {{INT64}} NOT NULL REFERENCES cert_policies (id),
    version INTEGER NOT NULL,
    key_algorithms TEXT NOT NULL,
    validity_days INTEGER NOT NULL,
    key_usage TEXT NOT NULL,
    ext_key_usage TEXT NOT NULL,
    dn_template TEXT NOT NULL,
    san_email INTEGER NOT NULL DEFAULT 0,
    san_upn INTEGER NOT NULL DEFAULT 0,
    san_fascn INTEGER NOT NULL DEFAULT 0,
    san_card_uuid INTEGER NOT NULL DEFAULT 0,
    archive_keys INTEGER NOT NULL DEFAULT 0,
    created_at {{INT64}} NOT NULL,
    UNIQUE (policy_id, version)
);
INSERT INTO cert_policy_versions (policy_id, version, key_algorithms, validity_days, key_usage, ext_key_usage, dn_template, san_email, san_upn,
    archive_keys, created_at)
    SELECT id, 1, key_algorithms, validity_days, key_usage, ext_key_usage, dn_template, san_email, san_upn, archive_keys, 0 FROM cert_policies;
ALTER TABLE cert_policies DROP COLUMN key_algorithms;
ALTER TABLE cert_policies DROP COLUMN validity_days;
ALTER TABLE cert_policies DROP COLUMN key_usage;
ALTER TABLE cert_policies DROP COLUMN ext_key_usage;
ALTER TABLE cert_policies DROP COLUMN dn_template;
ALTER TABLE cert_policies DROP COLUMN san_email;
ALTER TABLE cert_policies DROP COLUMN san_upn;
ALTER TABLE cert_policies DROP COLUMN archive_keys;
ALTER TABLE certificates ADD COLUMN policy_version_id {{INT64}} REFERENCES cert_policy_versions (id);
UPDATE certificates SET policy_version_id = (SELECT v.id FROM cert_policy_versions v WHERE v.policy_id = certificates.policy_id);
-- Policies were edited under Edit Credential Profiles; whoever could do that keeps the right
-- under its own name.
UPDATE roles SET workflows = workflows || ',edit-certificate-policies'
    WHERE ',' || workflows || ',' LIKE '%,edit-credential-profiles,%';
