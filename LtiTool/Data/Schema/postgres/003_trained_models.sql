-- EduRecLti schema v3 (PostgreSQL): the knowledge model trained for each course, versioned for rollback.
CREATE TABLE trained_models (
    platform_id     BIGINT NOT NULL REFERENCES platforms (id) ON DELETE CASCADE,
    deployment_id   TEXT NOT NULL,
    context_id      TEXT NOT NULL,
    version         BIGINT NOT NULL,
    model_name      TEXT NOT NULL,
    format_version  BIGINT NOT NULL,
    trained_model   TEXT NOT NULL,
    trained_at      BIGINT NOT NULL,
    PRIMARY KEY (platform_id, deployment_id, context_id, version)
);
