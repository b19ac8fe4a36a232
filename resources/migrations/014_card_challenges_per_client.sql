-- Card logon challenges remember which client address asked, so one client cannot hold all of
-- them open and lock every card logon out.
ALTER TABLE card_logon_challenges ADD COLUMN client TEXT NOT NULL DEFAULT '';
CREATE INDEX card_logon_challenges_client ON card_logon_challenges (client);
