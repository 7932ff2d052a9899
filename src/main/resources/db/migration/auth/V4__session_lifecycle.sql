-- Session lifecycle (ASVS 5.0 V7): a family's absolute lifetime, and the grace window in which a
-- refresh token presented again right after its own rotation is a benign race, not a replay.
--   family_started_at: when the family's first pair was issued (copied to every row of the family);
--                      no refresh is granted past family_started_at + auth.session.absolute-lifetime.
--   rotated_at:        when a refresh replaced this row (NULL for a row revoked by sign-out or reuse).
--   successor_id:      the row that replaced it, whose pair a benign race is answered with.
ALTER TABLE keystore ADD COLUMN family_started_at TIMESTAMPTZ;
UPDATE keystore k SET family_started_at = f.started
    FROM (SELECT family_id, min(created_at) AS started FROM keystore GROUP BY family_id) f
    WHERE k.family_id = f.family_id;
ALTER TABLE keystore ALTER COLUMN family_started_at SET NOT NULL;
ALTER TABLE keystore ADD COLUMN rotated_at TIMESTAMPTZ;
ALTER TABLE keystore ADD COLUMN successor_id UUID REFERENCES keystore (id) ON DELETE SET NULL;
-- Refresh looks a row up by its refresh token id alone (s_key is unique already).
CREATE INDEX keystore_user_idx ON keystore (user_id);
