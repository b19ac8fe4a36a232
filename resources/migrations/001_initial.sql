-- Lanyard engine schema, version 1.
-- Portable between SQLite and PostgreSQL; the migrator expands {{ID}}, {{INT64}} and {{BLOB}}.
-- Times are UTC milliseconds since the epoch. Booleans are 0/1 integers.

CREATE TABLE meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE timezones (
    id {{ID}},
    display_name TEXT NOT NULL,
    utc_offset TEXT NOT NULL UNIQUE,
    position INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE roles (
    id {{ID}},
    name TEXT NOT NULL UNIQUE,
    scope TEXT NOT NULL,
    workflows TEXT NOT NULL
);

CREATE TABLE people (
    id {{ID}},
    logon_name TEXT NOT NULL UNIQUE,
    full_name TEXT NOT NULL,
    full_name_key TEXT NOT NULL,
    email TEXT NOT NULL DEFAULT '',
    mobile TEXT NOT NULL DEFAULT '',
    upn TEXT NOT NULL DEFAULT '',
    group_name TEXT NOT NULL DEFAULT '',
    enabled INTEGER NOT NULL DEFAULT 1,
    password_hash TEXT NOT NULL DEFAULT '',
    security_phrases TEXT NOT NULL DEFAULT '',
    fascn TEXT NOT NULL DEFAULT '',
    card_uuid TEXT NOT NULL DEFAULT ''
);
CREATE INDEX people_full_name_key ON people (full_name_key);
CREATE INDEX people_email ON people (email);
CREATE INDEX people_group ON people (group_name, full_name_key);

CREATE TABLE person_roles (
    person_id {{INT64}} NOT NULL REFERENCES people (id),
    role_id {{INT64}} NOT NULL REFERENCES roles (id),
    PRIMARY KEY (person_id, role_id)
);

CREATE TABLE cert_policies (
    id {{ID}},
    name TEXT NOT NULL UNIQUE,
    key_algorithms TEXT NOT NULL,
    validity_days INTEGER NOT NULL,
    key_usage TEXT NOT NULL,
    ext_key_usage TEXT NOT NULL,
    dn_template TEXT NOT NULL,
    san_email INTEGER NOT NULL DEFAULT 0,
    san_upn INTEGER NOT NULL DEFAULT 0,
    archive_keys INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE profiles (
    id {{ID}},
    lineage {{INT64}} NOT NULL,
    version INTEGER NOT NULL,
    is_current INTEGER NOT NULL DEFAULT 1,
    name TEXT NOT NULL,
    card_encoding TEXT NOT NULL,
    notification_scheme TEXT NOT NULL,
    device_restriction TEXT NOT NULL,
    requires_validation INTEGER NOT NULL DEFAULT 0,
    lifetime_days INTEGER NOT NULL,
    pin_policy TEXT NOT NULL,
    auth_types TEXT NOT NULL,
    is_parent INTEGER NOT NULL DEFAULT 0,
    parent_lineage {{INT64}},
    credential_group TEXT NOT NULL DEFAULT '',
    cancel_previous INTEGER NOT NULL DEFAULT 0,
    badge_layout TEXT NOT NULL DEFAULT '',
    created_at {{INT64}} NOT NULL,
    UNIQUE (lineage, version)
);

CREATE TABLE profile_policies (
    profile_id {{INT64}} NOT NULL REFERENCES profiles (id),
    policy_id {{INT64}} NOT NULL REFERENCES cert_policies (id),
    recovery TEXT NOT NULL,
    PRIMARY KEY (profile_id, policy_id)
);

CREATE TABLE profile_roles (
    profile_id {{INT64}} NOT NULL REFERENCES profiles (id),
    role_id {{INT64}} NOT NULL REFERENCES roles (id),
    can_request INTEGER NOT NULL DEFAULT 0,
    can_receive INTEGER NOT NULL DEFAULT 0,
    can_collect INTEGER NOT NULL DEFAULT 0,
    can_validate INTEGER NOT NULL DEFAULT 0,
    can_unlock INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (profile_id, role_id)
);

CREATE TABLE registered_hardware (
    id {{ID}},
    kind TEXT NOT NULL,
    identifier TEXT NOT NULL,
    owner_id {{INT64}} REFERENCES people (id),
    description TEXT NOT NULL DEFAULT '',
    active INTEGER NOT NULL DEFAULT 1,
    UNIQUE (kind, identifier)
);

CREATE TABLE devices (
    id {{ID}},
    serial TEXT NOT NULL UNIQUE,
    device_type TEXT NOT NULL,
    platform TEXT NOT NULL DEFAULT '',
    hardware_serial TEXT NOT NULL DEFAULT '',
    dns_name TEXT NOT NULL DEFAULT '',
    owner_id {{INT64}} NOT NULL REFERENCES people (id),
    profile_id {{INT64}} NOT NULL REFERENCES profiles (id),
    state TEXT NOT NULL,
    expires_at {{INT64}} NOT NULL,
    parent_device_id {{INT64}} REFERENCES devices (id),
    access_locked INTEGER NOT NULL DEFAULT 0,
    admin_key_wrapped {{BLOB}},
    unlock_key_wrapped {{BLOB}},
    created_at {{INT64}} NOT NULL,
    updated_at {{INT64}} NOT NULL
);
CREATE INDEX devices_owner ON devices (owner_id);
CREATE INDEX devices_dns ON devices (dns_name);

CREATE TABLE jobs (
    id {{ID}},
    job_type TEXT NOT NULL,
    status TEXT NOT NULL,
    person_id {{INT64}} NOT NULL REFERENCES people (id),
    device_id {{INT64}} REFERENCES devices (id),
    profile_id {{INT64}} REFERENCES profiles (id),
    requested_by {{INT64}} REFERENCES people (id),
    requested_at {{INT64}} NOT NULL,
    validated_by {{INT64}} REFERENCES people (id),
    validated_at {{INT64}},
    schedule_at {{INT64}},
    schedule_tz TEXT NOT NULL DEFAULT '',
    reason TEXT NOT NULL DEFAULT '',
    details TEXT NOT NULL DEFAULT '',
    code_hash TEXT NOT NULL DEFAULT '',
    code_failures INTEGER NOT NULL DEFAULT 0,
    code_expires_at {{INT64}},
    collection_token TEXT UNIQUE,
    related_job_id {{INT64}} REFERENCES jobs (id),
    issued_device_id {{INT64}} REFERENCES devices (id),
    updated_at {{INT64}} NOT NULL
);
CREATE INDEX jobs_person ON jobs (person_id);
CREATE INDEX jobs_device ON jobs (device_id);
CREATE INDEX jobs_status ON jobs (status);

CREATE TABLE certificates (
    id {{ID}},
    serial TEXT NOT NULL UNIQUE,
    subject TEXT NOT NULL,
    policy_id {{INT64}} REFERENCES cert_policies (id),
    device_id {{INT64}} REFERENCES devices (id),
    not_before {{INT64}} NOT NULL,
    not_after {{INT64}} NOT NULL,
    status TEXT NOT NULL,
    revocation_reason TEXT NOT NULL DEFAULT '',
    status_changed_at {{INT64}},
    der {{BLOB}} NOT NULL,
    archived_key {{BLOB}}
);
CREATE INDEX certificates_device ON certificates (device_id);
CREATE INDEX certificates_status ON certificates (status);

CREATE TABLE audit_events (
    seq {{INT64}} PRIMARY KEY,
    at {{INT64}} NOT NULL,
    operator_id {{INT64}},
    operator_name TEXT NOT NULL DEFAULT '',
    workflow TEXT NOT NULL,
    target_type TEXT NOT NULL DEFAULT '',
    target_id TEXT NOT NULL DEFAULT '',
    target_label TEXT NOT NULL DEFAULT '',
    person_id {{INT64}},
    device_id {{INT64}},
    outcome TEXT NOT NULL,
    details TEXT NOT NULL DEFAULT '',
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL
);
CREATE INDEX audit_person ON audit_events (person_id);
CREATE INDEX audit_device ON audit_events (device_id);
CREATE INDEX audit_at ON audit_events (at);

-- One row; serialises appends to the hash chain (row lock on PostgreSQL, write lock on SQLite).
CREATE TABLE audit_head (
    id INTEGER PRIMARY KEY,
    seq {{INT64}} NOT NULL,
    hash TEXT NOT NULL
);
INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

CREATE TABLE authorities (
    kind TEXT PRIMARY KEY,
    cert_pem TEXT NOT NULL,
    key_wrapped {{BLOB}} NOT NULL,
    crl_number {{INT64}} NOT NULL DEFAULT 0
);
