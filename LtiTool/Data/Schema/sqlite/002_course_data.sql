-- EduRecLti schema v2 (SQLite): course data pulled through AGS/NRPS, the score outbox, practice attempts and the
-- assessment-to-skill mapping. Times are Unix seconds (INTEGER) except score_timestamp_ms, the millisecond instant
-- posted as the AGS score timestamp (AGS 2.0 §3.4.3; Moodle compares at one-second resolution, so it stays exact).
-- Every course row is scoped by (platform_id, deployment_id, context_id): one issuer may host many institutions.

CREATE TABLE course_sync (
    platform_id         INTEGER NOT NULL REFERENCES platforms (id) ON DELETE CASCADE,
    deployment_id       TEXT NOT NULL,
    context_id          TEXT NOT NULL,
    line_items_url      TEXT NULL,
    memberships_url     TEXT NULL,
    ags_scopes          TEXT NOT NULL,
    last_started_at     INTEGER NULL,
    last_finished_at    INTEGER NULL,
    last_succeeded_at   INTEGER NULL,
    last_error          TEXT NULL,
    next_due_at         INTEGER NULL,
    PRIMARY KEY (platform_id, deployment_id, context_id)
);
CREATE INDEX ix_course_sync_due ON course_sync (next_due_at);

CREATE TABLE line_items (
    platform_id         INTEGER NOT NULL REFERENCES platforms (id) ON DELETE CASCADE,
    deployment_id       TEXT NOT NULL,
    context_id          TEXT NOT NULL,
    line_item_id        TEXT NOT NULL,
    label               TEXT NOT NULL,
    score_maximum       REAL NOT NULL,
    resource_id         TEXT NULL,
    tag                 TEXT NULL,
    resource_link_id    TEXT NULL,
    deleted_at          INTEGER NULL,
    updated_at          INTEGER NOT NULL,
    PRIMARY KEY (platform_id, deployment_id, context_id, line_item_id)
);

CREATE TABLE results (
    platform_id         INTEGER NOT NULL,
    deployment_id       TEXT NOT NULL,
    context_id          TEXT NOT NULL,
    line_item_id        TEXT NOT NULL,
    user_id             TEXT NOT NULL,
    score_fraction      REAL NULL,
    result_timestamp    INTEGER NULL,
    updated_at          INTEGER NOT NULL,
    PRIMARY KEY (platform_id, deployment_id, context_id, line_item_id, user_id),
    FOREIGN KEY (platform_id, deployment_id, context_id, line_item_id)
        REFERENCES line_items (platform_id, deployment_id, context_id, line_item_id) ON DELETE CASCADE
);
CREATE INDEX ix_results_user ON results (platform_id, deployment_id, context_id, user_id);

CREATE TABLE course_members (
    platform_id         INTEGER NOT NULL REFERENCES platforms (id) ON DELETE CASCADE,
    deployment_id       TEXT NOT NULL,
    context_id          TEXT NOT NULL,
    user_id             TEXT NOT NULL,
    roles               TEXT NOT NULL,
    status              TEXT NOT NULL CHECK (status IN ('active', 'inactive')),
    display_name        TEXT NULL,
    updated_at          INTEGER NOT NULL,
    PRIMARY KEY (platform_id, deployment_id, context_id, user_id)
);

CREATE TABLE job_leases (
    job_key             TEXT PRIMARY KEY,
    owner               TEXT NOT NULL,
    lease_until         INTEGER NOT NULL
);

CREATE TABLE practice_attempts (
    id                  INTEGER PRIMARY KEY AUTOINCREMENT,
    platform_id         INTEGER NOT NULL REFERENCES platforms (id) ON DELETE CASCADE,
    deployment_id       TEXT NOT NULL,
    context_id          TEXT NOT NULL,
    user_id             TEXT NOT NULL,
    item_id             TEXT NOT NULL,
    score_given         REAL NOT NULL,
    score_maximum       REAL NOT NULL,
    created_at          INTEGER NOT NULL
);
CREATE INDEX ix_practice_attempts_user ON practice_attempts (platform_id, deployment_id, context_id, user_id);

CREATE TABLE score_outbox (
    id                  INTEGER PRIMARY KEY AUTOINCREMENT,
    platform_id         INTEGER NOT NULL REFERENCES platforms (id) ON DELETE CASCADE,
    deployment_id       TEXT NOT NULL,
    context_id          TEXT NOT NULL,
    user_id             TEXT NOT NULL,
    line_item_id        TEXT NOT NULL,
    attempt_id          INTEGER NULL REFERENCES practice_attempts (id) ON DELETE CASCADE,
    payload             TEXT NOT NULL,
    grade_version       INTEGER NOT NULL,
    score_timestamp_ms  INTEGER NOT NULL,
    status              TEXT NOT NULL CHECK (status IN ('pending', 'delivered', 'already_applied', 'superseded', 'dead')),
    attempts            INTEGER NOT NULL,
    next_attempt_at     INTEGER NOT NULL,
    lease_owner         TEXT NULL,
    lease_until         INTEGER NULL,
    last_error          TEXT NULL,
    created_at          INTEGER NOT NULL,
    finished_at         INTEGER NULL,
    UNIQUE (platform_id, deployment_id, context_id, line_item_id, user_id, grade_version)
);
CREATE INDEX ix_score_outbox_due ON score_outbox (status, next_attempt_at);
CREATE INDEX ix_score_outbox_key ON score_outbox (platform_id, deployment_id, context_id, line_item_id, user_id, status);

CREATE TABLE skills (
    platform_id         INTEGER NOT NULL REFERENCES platforms (id) ON DELETE CASCADE,
    deployment_id       TEXT NOT NULL,
    context_id          TEXT NOT NULL,
    code                TEXT NOT NULL,
    name                TEXT NULL,
    updated_at          INTEGER NOT NULL,
    PRIMARY KEY (platform_id, deployment_id, context_id, code)
);

CREATE TABLE skill_mappings (
    platform_id         INTEGER NOT NULL,
    deployment_id       TEXT NOT NULL,
    context_id          TEXT NOT NULL,
    line_item_id        TEXT NOT NULL,
    skill_code          TEXT NOT NULL,
    weight              REAL NOT NULL CHECK (weight > 0 AND weight <= 1),
    updated_at          INTEGER NOT NULL,
    PRIMARY KEY (platform_id, deployment_id, context_id, line_item_id, skill_code),
    FOREIGN KEY (platform_id, deployment_id, context_id, line_item_id)
        REFERENCES line_items (platform_id, deployment_id, context_id, line_item_id) ON DELETE CASCADE,
    FOREIGN KEY (platform_id, deployment_id, context_id, skill_code)
        REFERENCES skills (platform_id, deployment_id, context_id, code) ON DELETE CASCADE
);
