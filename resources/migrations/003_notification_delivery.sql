-- Delivery of notifications: a message may belong to a request (collection link, code) or to
-- a device (renewal reminder), is due at a time (retries back off), and records when it went.
-- Outbox ids are referenced by nothing, so the rows are copied with new ids.
CREATE TABLE notifications (
    id {{ID}},
    job_id {{INT64}} REFERENCES jobs (id),
    device_id {{INT64}} REFERENCES devices (id),
    channel TEXT NOT NULL,
    recipient TEXT NOT NULL,
    template TEXT NOT NULL,
    body_wrapped {{BLOB}} NOT NULL,
    state TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    last_error TEXT NOT NULL DEFAULT '',
    next_attempt_at {{INT64}} NOT NULL,
    sent_at {{INT64}},
    reminder_key TEXT UNIQUE,
    created_at {{INT64}} NOT NULL,
    updated_at {{INT64}} NOT NULL
);
INSERT INTO notifications (job_id, channel, recipient, template, body_wrapped, state, attempts, last_error, next_attempt_at, created_at, updated_at)
    SELECT job_id, channel, recipient, template, body_wrapped, state, attempts, last_error, created_at, created_at, updated_at
    FROM notification_outbox ORDER BY id;
DROP TABLE notification_outbox;
CREATE INDEX notifications_due ON notifications (state, next_attempt_at);
CREATE INDEX notifications_job ON notifications (job_id);

-- Operator-edited message templates; a template not listed here uses the default shipped
-- in the program's resources.
CREATE TABLE notification_templates (
    name TEXT PRIMARY KEY,
    subject TEXT NOT NULL,
    body TEXT NOT NULL,
    html TEXT NOT NULL DEFAULT '',
    updated_at {{INT64}} NOT NULL
);
