-- A holder reports their own credential lost, stolen, damaged or forgotten. The device is
-- suspended at once; a lost, stolen or damaged one is revoked when revoke_at passes (the
-- incidents.holdHours setting) unless the helpdesk reinstated it first. A forgotten one is
-- never revoked on its own: the temporary replacement ends when it is found.
CREATE TABLE incidents (
    id {{ID}},
    device_id {{INT64}} NOT NULL REFERENCES devices (id),
    person_id {{INT64}} NOT NULL REFERENCES people (id),
    kind TEXT NOT NULL,
    details TEXT NOT NULL DEFAULT '',
    reported_at {{INT64}} NOT NULL,
    revoke_at {{INT64}},
    job_id {{INT64}} REFERENCES jobs (id),
    closed_at {{INT64}},
    outcome TEXT NOT NULL DEFAULT ''
);
CREATE INDEX incidents_device ON incidents (device_id);
CREATE INDEX incidents_due ON incidents (revoke_at);
-- Questions a person sets for themself; only a slow salted hash of each answer is kept.
CREATE TABLE security_answers (
    person_id {{INT64}} NOT NULL REFERENCES people (id),
    position INTEGER NOT NULL,
    question TEXT NOT NULL,
    answer_hash TEXT NOT NULL,
    set_at {{INT64}} NOT NULL,
    PRIMARY KEY (person_id, position)
);
-- Wrong answers given for a person in a row, and until when their answers are not checked.
CREATE TABLE security_checks (
    person_id {{INT64}} NOT NULL PRIMARY KEY REFERENCES people (id),
    failures INTEGER NOT NULL DEFAULT 0,
    locked_until {{INT64}} NOT NULL DEFAULT 0
);
-- Whoever may request their own identity may report it lost and cancel their own requests.
UPDATE roles SET workflows = workflows || ',report-incident'
    WHERE ',' || workflows || ',' LIKE '%,request-my-id,%';
