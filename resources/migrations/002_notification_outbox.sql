-- Notifications waiting to be delivered, written in the same transaction as the request that
-- caused them. The message body holds the code, so it is stored wrapped under the master key.
CREATE TABLE notification_outbox (
    id {{ID}},
    job_id {{INT64}} NOT NULL REFERENCES jobs (id),
    channel TEXT NOT NULL,
    recipient TEXT NOT NULL,
    template TEXT NOT NULL,
    body_wrapped {{BLOB}} NOT NULL,
    state TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    last_error TEXT NOT NULL DEFAULT '',
    created_at {{INT64}} NOT NULL,
    updated_at {{INT64}} NOT NULL
);
CREATE INDEX notification_outbox_state ON notification_outbox (state);
CREATE INDEX notification_outbox_job ON notification_outbox (job_id);
