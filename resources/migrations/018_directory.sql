-- People come from an LDAP directory (Active Directory or OpenLDAP). One connection, its
-- attribute mapping and its group-to-role mapping; the bind password is wrapped under the
-- master key like every other stored secret.
CREATE TABLE directory_config (
    id {{ID}},
    enabled INTEGER NOT NULL DEFAULT 0,
    url TEXT NOT NULL DEFAULT '',
    start_tls INTEGER NOT NULL DEFAULT 0,
    ca_file TEXT NOT NULL DEFAULT '',
    bind_dn TEXT NOT NULL DEFAULT '',
    bind_password TEXT NOT NULL DEFAULT '',
    base_dn TEXT NOT NULL DEFAULT '',
    filter TEXT NOT NULL DEFAULT '',
    page_size INTEGER NOT NULL DEFAULT 500,
    kind TEXT NOT NULL DEFAULT 'openldap',
    id_attribute TEXT NOT NULL DEFAULT '',
    disabled_by TEXT NOT NULL DEFAULT 'none',
    disabled_attribute TEXT NOT NULL DEFAULT '',
    disabled_value TEXT NOT NULL DEFAULT '',
    change_attribute TEXT NOT NULL DEFAULT '',
    interval_minutes INTEGER NOT NULL DEFAULT 60,
    -- Where the last finished sync stopped reading changes; empty: the next one reads everything.
    high_water TEXT NOT NULL DEFAULT ''
);
CREATE TABLE directory_attributes (
    field TEXT NOT NULL PRIMARY KEY,
    attribute TEXT NOT NULL
);
CREATE TABLE directory_group_roles (
    group_dn TEXT NOT NULL,
    role_id {{INT64}} NOT NULL REFERENCES roles (id)
);
-- A synced person is the directory entry with this stable id (entryUUID, objectGUID), whatever
-- its name becomes. A person the directory disabled is enabled again when it returns; one an
-- operator disabled is not.
ALTER TABLE people ADD COLUMN directory_id TEXT;
ALTER TABLE people ADD COLUMN directory_dn TEXT NOT NULL DEFAULT '';
ALTER TABLE people ADD COLUMN disabled_by_directory INTEGER NOT NULL DEFAULT 0;
CREATE UNIQUE INDEX people_directory_id ON people (directory_id);
-- Every sync, what it did, and the entries it could not take.
CREATE TABLE directory_syncs (
    id {{ID}},
    started_at {{INT64}} NOT NULL,
    finished_at {{INT64}} NOT NULL,
    operator_id {{INT64}} REFERENCES people (id),
    full_sync INTEGER NOT NULL,
    outcome TEXT NOT NULL,
    entries INTEGER NOT NULL DEFAULT 0,
    added INTEGER NOT NULL DEFAULT 0,
    updated INTEGER NOT NULL DEFAULT 0,
    disabled INTEGER NOT NULL DEFAULT 0,
    enabled INTEGER NOT NULL DEFAULT 0,
    role_changes INTEGER NOT NULL DEFAULT 0,
    error_count INTEGER NOT NULL DEFAULT 0,
    problem TEXT NOT NULL DEFAULT '',
    detail TEXT NOT NULL DEFAULT ''
);
CREATE TABLE directory_sync_errors (
    id {{ID}},
    sync_id {{INT64}} NOT NULL REFERENCES directory_syncs (id),
    dn TEXT NOT NULL,
    problem TEXT NOT NULL,
    field TEXT NOT NULL DEFAULT '',
    detail TEXT NOT NULL DEFAULT ''
);
CREATE INDEX directory_sync_errors_sync ON directory_sync_errors (sync_id);
-- Whoever edits the configuration manages the directory.
UPDATE roles SET workflows = workflows || ',manage-directory'
    WHERE ',' || workflows || ',' LIKE '%,edit-configuration,%';
