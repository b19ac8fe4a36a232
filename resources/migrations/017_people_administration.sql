-- People are added, edited, disabled and removed by operators, files and the directory.
-- An employee id identifies a person across imports; logon names, user principal names and
-- employee ids are unique regardless of case (checked by the engine, found by these indexes).
ALTER TABLE people ADD COLUMN employee_id TEXT NOT NULL DEFAULT '';
-- A removed person keeps their row, so their devices' certificates and the audit still name
-- them; they are found by nobody, cannot log on, and their logon name is not given again.
ALTER TABLE people ADD COLUMN removed_at {{INT64}};
CREATE INDEX people_logon_key ON people (lower(logon_name));
CREATE INDEX people_upn_key ON people (lower(upn));
CREATE INDEX people_employee_id ON people (employee_id);
-- Devices disabled because their holder's account was: enabling the account offers to enable
-- these again, and only these.
ALTER TABLE devices ADD COLUMN disabled_with_account INTEGER NOT NULL DEFAULT 0;
-- Whoever may edit roles administers people too.
UPDATE roles SET workflows = workflows || ',add-person,disable-enable-account,assign-roles,remove-person'
    WHERE ',' || workflows || ',' LIKE '%,edit-roles,%';
