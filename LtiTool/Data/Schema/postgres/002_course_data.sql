-- EduRecLti schema v2 (PostgreSQL): course data pulled through AGS/NRPS, the score outbox, practice attempts and the
-- assessment-to-skill mapping. Times are Unix seconds (BIGINT) except score_timestamp_ms, the millisecond instant
-- posted as the AGS score timestamp (AGS 2.0 §3.4.3; Moodle compares at one-second resolution, so it stays exact).
-- Every course row is scoped by (platform_id, deployment_id, context_id): one issuer may host many institutions.

CREATE TABLE course_sync (
    platform_id         BIGINT NOT NULL REFERENCES platforms (id) ON DELETE CASCADE,
    deployment_id       TEXT NOT NULL,
    context_id          TEXT NOT NULL,
    line_items_url      TEXT NULL,
    memberships_url     TEXT NULL,
    ags_scopes          TEXT NOT NULL,
    last_started_at     BIGINT NULL,
    last_finished_at    BIGINT NULL,
    last_succeeded_at   BIGINT NULL,
    last_error          TEXT NULL,
    next_due_at         BIGINT NULL,
    PRIMARY KEY (platform_id, deployment_id, context_id)
);
CREATE INDEX ix_course_sync_due ON course_sync (next_due_at);

CREATE TABLE line_items (
    platform_id         BIGINT NOT NULL REFERENCES platforms (id) ON DELETE CASCADE,
    deployment_id       TEXT NOT NULL,
    context_id          TEXT NOT NULL,
    line_item_id        TEXT NOT NULL,
    label               TEXT NOT NULL,
    score_maximum       DOUBLE PRECISION NOT NULL,
    resource_id         TEXT NULL,
    tag                 TEXT NULL,
    resource_link_id    TEXT NULL,
    deleted_at          BIGINT NULL,
    updated_at          BIGINT NOT NULL,
    PRIMARY KEY (platform_id, deployment_id, context_id, line_item_id)
);

CREATE TABLE results (
    platform_id         BIGINT NOT NULL,
    deployment_id       TEXT NOT NULL,
    context_id          TEXT NOT NULL,
    line_item_id        TEXT NOT NULL,
    user_id             TEXT NOT NULL,
    score_fraction      DOUBLE PRECISION NULL,
    result_timestamp    BIGINT NULL,
    updated_at          BIGINT NOT NULL,
    PRIMARY KEY (platform_id, deployment_id, context_id, line_item_id, user_id),
    FOREIGN KEY (platform_id, deployment_id, context_id, line_item_id)
        REFERENCES line_items (platform_id, deployment_id, context_id, line_item_id) ON DELETE CASCADE
);
CREATE INDEX ix_results_user ON results (platform_id, deployment_id, context_id, user_id);

CREATE TABLE course_members (
    platform_id         BIGINT NOT NULL REFERENCES platforms (id) ON DELETE CASCADE,
    deployment_id       TEXT NOT NULL,
    context_id          TEXT NOT NULL,
    user_id             TEXT NOT NULL,
    roles               TEXT NOT NULL,
    status              TEXT NOT NULL CHECK (status IN ('active', 'inactive')),
    display_name        TEXT NULL,
    updated_at          BIGINT NOT NULL,
    PRIMARY KEY (platform_id, deployment_id, context_id, user_id)
);

CREATE TABLE job_leases (
    job_key             TEXT PRIMARY KEY,
    owner               TEXT NOT NULL,
    lease_until         BIGINT NOT NULL
);

CREATE TABLE practice_attempts (
    id                  BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    platform_id         BIGINT NOT NULL REFERENCES platforms (id) ON DELETE CASCADE,
    deployment_id       TEXT NOT NULL,
    context_id          TEXT NOT NULL,
    user_id             TEXT NOT NULL,
    item_id             TEXT NOT NULL,
    score_given         DOUBLE PRECISION NOT NULL,
    score_maximum       DOUBLE PRECISION NOT NULL,
    created_at          BIGINT NOT NULL
);
CREATE INDEX ix_practice_attempts_user ON practice_attempts (platform_id, deployment_id, context_id, user_id);

CREATE TABLE score_outbox (
    id                  BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    platform_id         BIGINT NOT NULL REFERENCES platforms (id) ON DELETE CASCADE,
    deployment_id       TEXT NOT NULL,
    context_id          TEXT NOT NULL,
    user_id             TEXT NOT NULL,
    line_item_id        TEXT NOT NULL,
    attempt_id          BIGINT NULL REFERENCES practice_attempts (id) ON DELETE CASCADE,
    payload             TEXT NOT NULL,
    grade_version       BIGINT NOT NULL,
    score_timestamp_ms  BIGINT NOT NULL,
    status              TEXT NOT NULL CHECK (status IN ('pending', 'delivered', 'already_applied', 'superseded', 'dead')),
    attempts            BIGINT NOT NULL,
    next_attempt_at     BIGINT NOT NULL,
    lease_owner         TEXT NULL,
    lease_until         BIGINT NULL,
    last_error          TEXT NULL,
    created_at          BIGINT NOT NULL,
    finished_at         BIGINT NULL,
    UNIQUE (platform_id, deployment_id, context_id, line_item_id, user_id, grade_version)
);
CREATE INDEX ix_score_outbox_due ON score_outbox (status, next_attempt_at);
CREATE INDEX ix_score_outbox_key ON score_outbox (platform_id, deployment_id, context_id, line_item_id, user_id, status);

CREATE TABLE skills (
    platform_id         BIGINT NOT NULL REFERENCES platforms (id) ON DELETE CASCADE,
    deployment_id       TEXT NOT NULL,
    context_id          TEXT NOT NULL,
    code                TEXT NOT NULL,
    name                TEXT NULL,
    updated_at          BIGINT NOT NULL,
    PRIMARY KEY (platform_id, deployment_id, context_id, code)
);

CREATE TABLE skill_mappings (
    platform_id         BIGINT NOT NULL,
    deployment_id       TEXT NOT NULL,
    context_id          TEXT NOT NULL,
    line_item_id        TEXT NOT NULL,
    skill_code          TEXT NOT NULL,
    weight              DOUBLE PRECISION NOT NULL CHECK (weight > 0 AND weight <= 1),
    updated_at          BIGINT NOT NULL,
    PRIMARY KEY (platform_id, deployment_id, context_id, line_item_id, skill_code),
    FOREIGN KEY (platform_id, deployment_id, context_id, line_item_id)
        REFERENCES line_items (platform_id, deployment_id, context_id, line_item_id) ON DELETE CASCADE,
    FOREIGN KEY (platform_id, deployment_id, context_id, skill_code)
        REFERENCES skills (platform_id, deployment_id, context_id, code) ON DELETE CASCADE
);
