-- The bootstrap administrator's password as last applied from configuration (auth.bootstrap.*).
-- A changed configured password is applied at the next start; a password changed since through
-- the API is kept for as long as the configured one stays the same (see Accounts.ensureAccount).
CREATE TABLE bootstrap_credentials (
    email         TEXT PRIMARY KEY,
    password_hash TEXT        NOT NULL,
    applied_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);
