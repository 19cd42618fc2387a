-- Files the import refused, one row per distinct file of a unit. Nothing of their content
-- is kept (the unit gets its annotated copy back); the row only lets status and feedback
-- tell a unit that tried and was sent its file back from one that never reported.

CREATE TABLE IF NOT EXISTS rejections (
    id          BIGINT NOT NULL AUTO_INCREMENT,
    round_id    VARCHAR(64) COLLATE utf8mb4_bin NOT NULL,
    unit_code   VARCHAR(64) COLLATE utf8mb4_bin NOT NULL,
    file_name   TEXT NOT NULL,
    sha256      CHAR(64) CHARACTER SET ascii NOT NULL,
    rejected_at BIGINT NOT NULL, -- unix microseconds, UTC
    imported_by TEXT NOT NULL,
    errors      INT NOT NULL,
    PRIMARY KEY (id),
    -- The same refused file imported again is not a second attempt.
    UNIQUE KEY rejections_file (round_id, unit_code, sha256),
    CONSTRAINT rejections_unit FOREIGN KEY (round_id, unit_code) REFERENCES round_units (round_id, unit_code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
