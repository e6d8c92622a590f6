-- EduRecLti schema v1 (PostgreSQL). Times are Unix seconds (BIGINT); JSON is TEXT.
CREATE TABLE platforms (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    issuer          TEXT NOT NULL,
    client_id       TEXT NOT NULL,
    auth_url        TEXT NOT NULL,
    token_url       TEXT NOT NULL,
    token_audience  TEXT NULL,
    jwks_url        TEXT NOT NULL,
    created_at      BIGINT NOT NULL,
    UNIQUE (issuer, client_id)
);

CREATE TABLE deployments (
    platform_id     BIGINT NOT NULL REFERENCES platforms (id) ON DELETE CASCADE,
    deployment_id   TEXT NOT NULL,
    created_at      BIGINT NOT NULL,
    PRIMARY KEY (platform_id, deployment_id)
);

CREATE TABLE tool_keys (
    kid                     TEXT PRIMARY KEY,
    status                  TEXT NOT NULL CHECK (status IN ('next', 'current', 'retired')),
    created_at              BIGINT NOT NULL,
    retired_at              BIGINT NULL,
    public_jwk              TEXT NOT NULL,
    protected_private_key   TEXT NOT NULL
);

CREATE TABLE data_protection_keys (
    friendly_name   TEXT PRIMARY KEY,
    xml             TEXT NOT NULL
);

CREATE TABLE login_states (
    state                   TEXT PRIMARY KEY,
    platform_id             BIGINT NOT NULL REFERENCES platforms (id) ON DELETE CASCADE,
    nonce                   TEXT NOT NULL,
    deployment_id           TEXT NULL,
    target_link_uri         TEXT NOT NULL,
    login_hint              TEXT NOT NULL,
    lti_message_hint        TEXT NULL,
    browser_binding_hash    TEXT NOT NULL,
    storage_target          TEXT NULL,
    created_at              BIGINT NOT NULL,
    expires_at              BIGINT NOT NULL,
    consumed_at             BIGINT NULL
);
CREATE INDEX ix_login_states_expires ON login_states (expires_at);

CREATE TABLE used_nonces (
    platform_id     BIGINT NOT NULL REFERENCES platforms (id) ON DELETE CASCADE,
    nonce           TEXT NOT NULL,
    expires_at      BIGINT NOT NULL,
    PRIMARY KEY (platform_id, nonce)
);
CREATE INDEX ix_used_nonces_expires ON used_nonces (expires_at);

CREATE TABLE users (
    platform_id     BIGINT NOT NULL REFERENCES platforms (id) ON DELETE CASCADE,
    subject         TEXT NOT NULL,
    display_name    TEXT NULL,
    first_seen_at   BIGINT NOT NULL,
    last_seen_at    BIGINT NOT NULL,
    PRIMARY KEY (platform_id, subject)
);

CREATE TABLE contexts (
    platform_id     BIGINT NOT NULL REFERENCES platforms (id) ON DELETE CASCADE,
    deployment_id   TEXT NOT NULL,
    context_id      TEXT NOT NULL,
    title           TEXT NULL,
    label           TEXT NULL,
    updated_at      BIGINT NOT NULL,
    PRIMARY KEY (platform_id, deployment_id, context_id)
);

CREATE TABLE launches (
    id                  TEXT PRIMARY KEY,
    platform_id         BIGINT NOT NULL REFERENCES platforms (id) ON DELETE CASCADE,
    deployment_id       TEXT NOT NULL,
    context_id          TEXT NULL,
    resource_link_id    TEXT NULL,
    subject             TEXT NOT NULL,
    message_type        TEXT NOT NULL,
    roles               TEXT NOT NULL,
    claims              TEXT NOT NULL,
    created_at          BIGINT NOT NULL
);
CREATE INDEX ix_launches_scope ON launches (platform_id, deployment_id, context_id, subject);

CREATE TABLE tool_sessions (
    id              TEXT PRIMARY KEY,
    launch_id       TEXT NOT NULL REFERENCES launches (id) ON DELETE CASCADE,
    expires_at      BIGINT NOT NULL
);
CREATE INDEX ix_tool_sessions_expires ON tool_sessions (expires_at);
