-- Security audit trail (issue 10): one row per security event (sign-up, sign-in, refresh, sign-out,
-- role and password changes, API-key changes), written asynchronously by auth.audit.AuditTrail and
-- deleted after auth.audit.retention. Never holds a password, token, key or e-mail: "account" is a
-- hash of the e-mail (SecurityEvent.accountOf) for attempts whose user is not known.
CREATE TABLE security_audit (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at             TIMESTAMPTZ NOT NULL,
    action         TEXT        NOT NULL,
    outcome        TEXT        NOT NULL,
    user_id        UUID,
    account        TEXT,
    client_address TEXT,
    request_id     TEXT,
    detail         TEXT
);
-- The retention clean-up, and "what happened lately".
CREATE INDEX security_audit_at ON security_audit (at);
-- "What happened to this user / this account", newest first.
CREATE INDEX security_audit_user ON security_audit (user_id, at) WHERE user_id IS NOT NULL;
CREATE INDEX security_audit_account ON security_audit (account, at) WHERE account IS NOT NULL;
