-- Accepted workbooks: one row per version of a unit's answer for a round, its rows and
-- the warnings it was accepted with. Nothing is ever updated in place: a new file is a new
-- version, and the highest version is current. Cell text is MEDIUMTEXT because an Excel
-- cell holds up to 32,767 characters, more than TEXT's 65,535 bytes in utf8mb4.

CREATE TABLE IF NOT EXISTS submissions (
    id          BIGINT NOT NULL AUTO_INCREMENT,
    round_id    VARCHAR(64) COLLATE utf8mb4_bin NOT NULL,
    unit_code   VARCHAR(64) COLLATE utf8mb4_bin NOT NULL,
    version     INT NOT NULL,
    filler      TEXT NOT NULL,
    phone       TEXT NOT NULL,
    file_name   TEXT NOT NULL,
    file_size   BIGINT NOT NULL,
    sha256      CHAR(64) CHARACTER SET ascii NOT NULL,
    imported_at BIGINT NOT NULL, -- unix microseconds, UTC
    imported_by TEXT NOT NULL,
    PRIMARY KEY (id),
    -- Two concurrent imports cannot both create version N: the loser retries.
    UNIQUE KEY submissions_version (round_id, unit_code, version),
    CONSTRAINT submissions_unit FOREIGN KEY (round_id, unit_code) REFERENCES round_units (round_id, unit_code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS submission_items (
    submission_id BIGINT NOT NULL,
    seq           INT NOT NULL,
    code          VARCHAR(64) COLLATE utf8mb4_bin NOT NULL,
    status        VARCHAR(16) NOT NULL,
    column_name   MEDIUMTEXT NOT NULL,
    url           MEDIUMTEXT NOT NULL,
    last_update   CHAR(10) NULL, -- YYYY-MM-DD; NULL when not given
    item_count    BIGINT NULL,   -- NULL when not given
    reported      MEDIUMTEXT NOT NULL,
    remark        MEDIUMTEXT NOT NULL,
    PRIMARY KEY (submission_id, seq),
    CONSTRAINT submission_items_submission FOREIGN KEY (submission_id) REFERENCES submissions (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS submission_problems (
    submission_id BIGINT NOT NULL,
    seq           INT NOT NULL,
    severity      VARCHAR(16) NOT NULL,
    sheet         TEXT NOT NULL,
    cell          TEXT NOT NULL,
    code          TEXT NOT NULL,
    field         TEXT NOT NULL,
    value         MEDIUMTEXT NOT NULL,
    message       MEDIUMTEXT NOT NULL,
    PRIMARY KEY (submission_id, seq),
    CONSTRAINT submission_problems_submission FOREIGN KEY (submission_id) REFERENCES submissions (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
