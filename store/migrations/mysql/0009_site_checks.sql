-- Website checks (核查, `xxgk verify`): one row per column per run. Runs are never
-- overwritten: the office can see when a column was fixed; the latest row of a column is
-- what outputs show (found through site_checks_latest).

CREATE TABLE IF NOT EXISTS site_checks (
    id          BIGINT NOT NULL AUTO_INCREMENT,
    round_id    VARCHAR(64) COLLATE utf8mb4_bin NOT NULL,
    unit_code   VARCHAR(64) COLLATE utf8mb4_bin NOT NULL,
    code        VARCHAR(64) COLLATE utf8mb4_bin NOT NULL,
    url         TEXT NOT NULL,
    final_url   TEXT NOT NULL,
    http_status INT NOT NULL,
    result      VARCHAR(32) CHARACTER SET ascii NOT NULL,
    error_kind  VARCHAR(32) CHARACTER SET ascii NOT NULL,
    error       TEXT NOT NULL,
    not_html    TEXT NOT NULL,
    title       TEXT NOT NULL,
    newest_date CHAR(10) CHARACTER SET ascii NULL, -- YYYY-MM-DD; NULL when none found
    entries     INT NOT NULL,
    truncated   SMALLINT NOT NULL,
    gov_domain  SMALLINT NOT NULL,
    finding     TEXT NOT NULL,
    checked_at  BIGINT NOT NULL, -- unix microseconds, UTC
    PRIMARY KEY (id),
    KEY site_checks_latest (round_id, unit_code, code, id),
    CONSTRAINT site_checks_unit FOREIGN KEY (round_id, unit_code) REFERENCES round_units (round_id, unit_code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
