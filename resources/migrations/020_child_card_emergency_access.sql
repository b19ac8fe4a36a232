-- A child virtual smart card is disabled when its parent credential is issued. Temporary
-- Access may enable it again for the hours granted (the parent card lost or forgotten: the
-- emergency the child exists for); when they end it is disabled again. A card an operator
-- disabled for another reason is not enabled this way.
ALTER TABLE devices ADD COLUMN disabled_for_parent INTEGER NOT NULL DEFAULT 0;
ALTER TABLE devices ADD COLUMN enabled_until {{INT64}};
-- Children disabled before this migration: disabled virtual smart cards of a child profile.
UPDATE devices SET disabled_for_parent = 1
    WHERE state = 'disabled' AND device_type = 'virtual-smart-card' AND disabled_with_account = 0
    AND profile_id IN (SELECT id FROM profiles WHERE parent_lineage IS NOT NULL);
