-- EduRecLti schema v3 (SQLite): the knowledge model trained for each course, versioned for rollback.
CREATE TABLE trained_models (
    platform_id     INTEGER NOT NULL REFERENCES platforms (id) ON DELETE CASCADE,
    deployment_id   TEXT NOT NULL,
    context_id      TEXT NOT NULL,
    version         INTEGER NOT NULL,
    model_name      TEXT NOT NULL,
    format_version  INTEGER NOT NULL,
    trained_model   TEXT NOT NULL,
    trained_at      INTEGER NOT NULL,
    PRIMARY KEY (platform_id, deployment_id, context_id, version)
);
