-- Website checks (核查, `xxgk verify`): one row per column per run. Runs are never
-- overwritten: the office can see when a column was fixed; the latest row of a column is
-- what outputs show (found through site_checks_latest).

CREATE TABLE IF NOT EXISTS site_checks (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    round_id    TEXT NOT NULL,
    unit_code   TEXT NOT NULL,
    code        TEXT NOT NULL,
    url         TEXT NOT NULL,
    final_url   TEXT NOT NULL,
    http_status INTEGER NOT NULL,
    result      TEXT NOT NULL,
    error_kind  TEXT NOT NULL,
    error       TEXT NOT NULL,
    not_html    TEXT NOT NULL,
    title       TEXT NOT NULL,
    newest_date TEXT, -- YYYY-MM-DD; NULL when none found
    entries     INTEGER NOT NULL,
    truncated   INTEGER NOT NULL,
    gov_domain  INTEGER NOT NULL,
    finding     TEXT NOT NULL,
    checked_at  INTEGER NOT NULL, -- unix microseconds, UTC
    FOREIGN KEY (round_id, unit_code) REFERENCES round_units (round_id, unit_code)
) STRICT;

CREATE INDEX IF NOT EXISTS site_checks_latest ON site_checks (round_id, unit_code, code, id);
