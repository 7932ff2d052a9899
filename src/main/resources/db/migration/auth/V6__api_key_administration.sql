-- API-key administration (POST/GET/DELETE /auth/admin/apikeys): who created a key, and when and
-- by whom it was revoked. A revoked key keeps its row (status FALSE), so the bootstrap key, which
-- is stored at start only when its hash is unknown, cannot come back to life at the next start.
-- created_by / revoked_by are NULL for keys stored by the bootstrap and survive the admin's account.
ALTER TABLE api_keys
    ADD COLUMN created_by UUID REFERENCES users (id) ON DELETE SET NULL,
    ADD COLUMN revoked_at TIMESTAMPTZ,
    ADD COLUMN revoked_by UUID REFERENCES users (id) ON DELETE SET NULL;
