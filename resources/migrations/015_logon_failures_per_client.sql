-- Failed password logons are counted per logon name and client address: a stranger's wrong
-- passwords slow the stranger down, not the operator at their own desk. Each attempt is
-- reserved as a row before its password is checked, so rows get an id. (The failures of the
-- last 15 minutes are forgotten once, by this migration.)
DROP TABLE logon_failures;
CREATE TABLE logon_failures (
    id {{ID}},
    logon_name TEXT NOT NULL,
    client TEXT NOT NULL DEFAULT '',
    at {{INT64}} NOT NULL
);
CREATE INDEX logon_failures_name ON logon_failures (logon_name, at);
CREATE INDEX logon_failures_client ON logon_failures (logon_name, client, at);
