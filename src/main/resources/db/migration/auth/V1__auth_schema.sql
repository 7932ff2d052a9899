-- Auth schema. Follows the reference's tables (roles, users, user_roles, keystore, api_keys) with
-- deliberate changes: API keys are stored as SHA-256 hashes, e-mail uniqueness ignores case,
-- sessions carry a family id and an expiry for refresh-token reuse detection and clean-up, and
-- users carry a version for optimistic locking. gen_random_uuid() is built into PostgreSQL 13+.

CREATE TABLE roles (
    id         UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    code       TEXT        NOT NULL UNIQUE,
    status     BOOLEAN     NOT NULL DEFAULT TRUE,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE users (
    id              UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    email           TEXT        NOT NULL,
    password        TEXT        NOT NULL,
    name            TEXT        NOT NULL,
    profile_pic_url TEXT,
    verified        BOOLEAN     NOT NULL DEFAULT FALSE,
    status          BOOLEAN     NOT NULL DEFAULT TRUE,
    version         BIGINT      NOT NULL DEFAULT 0,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at      TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX users_email_ci_key ON users (lower(email));

CREATE TABLE user_roles (
    user_id UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    role_id UUID NOT NULL REFERENCES roles (id) ON DELETE CASCADE,
    PRIMARY KEY (user_id, role_id)
);

-- One row per issued token pair. p_key / s_key are the access / refresh token ids (jti).
-- A refresh deactivates its row and inserts the next one in the same family; presenting the
-- refresh token of a deactivated row is reuse, and revokes the whole family.
CREATE TABLE keystore (
    id         UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id    UUID        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    family_id  UUID        NOT NULL,
    p_key      TEXT        NOT NULL UNIQUE,
    s_key      TEXT        NOT NULL UNIQUE,
    status     BOOLEAN     NOT NULL DEFAULT TRUE,
    expires_at TIMESTAMPTZ NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX keystore_user_pkey_status_idx ON keystore (user_id, p_key, status);
CREATE INDEX keystore_family_idx ON keystore (family_id);
CREATE INDEX keystore_expires_idx ON keystore (expires_at);

CREATE TABLE api_keys (
    id          UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    key_hash    TEXT        NOT NULL UNIQUE,
    description TEXT,
    status      BOOLEAN     NOT NULL DEFAULT TRUE,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
