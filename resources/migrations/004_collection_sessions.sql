-- Collection sessions: one per attempt of a phone to collect a job. While a session is open the
-- job is in progress; a session that is neither confirmed nor finished before it expires is
-- rolled back (its device cancelled, its certificates revoked) and the job can be collected
-- again. Open sessions are what the maximum session count limits.
CREATE TABLE collection_sessions (
    id TEXT PRIMARY KEY,
    job_id {{INT64}} NOT NULL REFERENCES jobs (id),
    state TEXT NOT NULL,
    hardware_serial TEXT NOT NULL DEFAULT '',
    platform TEXT NOT NULL DEFAULT '',
    model TEXT NOT NULL DEFAULT '',
    device_id {{INT64}} REFERENCES devices (id),
    bundle_wrapped {{BLOB}},
    created_at {{INT64}} NOT NULL,
    expires_at {{INT64}} NOT NULL,
    updated_at {{INT64}} NOT NULL
);
CREATE INDEX collection_sessions_open ON collection_sessions (state, expires_at);
CREATE INDEX collection_sessions_job ON collection_sessions (job_id);

-- Which collection made a certificate, so an abandoned collection revokes exactly its own.
ALTER TABLE certificates ADD COLUMN session_id TEXT;
CREATE INDEX certificates_session ON certificates (session_id);

-- Bearer tokens of operators logged on to lanyard-server; shared by every server process.
CREATE TABLE operator_tokens (
    token_hash TEXT PRIMARY KEY,
    person_id {{INT64}} NOT NULL REFERENCES people (id),
    created_at {{INT64}} NOT NULL,
    expires_at {{INT64}} NOT NULL
);
CREATE INDEX operator_tokens_expiry ON operator_tokens (expires_at);

-- Failed logons by name, for rate limiting across server processes.
CREATE TABLE logon_failures (
    logon_name TEXT NOT NULL,
    at {{INT64}} NOT NULL
);
CREATE INDEX logon_failures_name ON logon_failures (logon_name, at);
