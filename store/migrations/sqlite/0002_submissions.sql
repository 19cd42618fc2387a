-- Accepted workbooks: one row per version of a unit's answer for a round, its rows and
-- the warnings it was accepted with. Nothing is ever updated in place: a new file is a new
-- version, and the highest version is current.

CREATE TABLE IF NOT EXISTS submissions (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    round_id    TEXT NOT NULL,
    unit_code   TEXT NOT NULL,
    version     INTEGER NOT NULL,
    filler      TEXT NOT NULL,
    phone       TEXT NOT NULL,
    file_name   TEXT NOT NULL,
    file_size   INTEGER NOT NULL,
    sha256      TEXT NOT NULL,
    imported_at INTEGER NOT NULL, -- unix microseconds, UTC
    imported_by TEXT NOT NULL,
    -- Two concurrent imports cannot both create version N: the loser retries.
    UNIQUE (round_id, unit_code, version),
    FOREIGN KEY (round_id, unit_code) REFERENCES round_units (round_id, unit_code)
) STRICT;

CREATE TABLE IF NOT EXISTS submission_items (
    submission_id INTEGER NOT NULL REFERENCES submissions (id),
    seq           INTEGER NOT NULL,
    code          TEXT NOT NULL,
    status        TEXT NOT NULL,
    column_name   TEXT NOT NULL,
    url           TEXT NOT NULL,
    last_update   TEXT,    -- YYYY-MM-DD; NULL when not given
    item_count    INTEGER, -- NULL when not given
    reported      TEXT NOT NULL,
    remark        TEXT NOT NULL,
    PRIMARY KEY (submission_id, seq)
) STRICT, WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS submission_problems (
    submission_id INTEGER NOT NULL REFERENCES submissions (id),
    seq           INTEGER NOT NULL,
    severity      TEXT NOT NULL,
    sheet         TEXT NOT NULL,
    cell          TEXT NOT NULL,
    code          TEXT NOT NULL,
    field         TEXT NOT NULL,
    value         TEXT NOT NULL,
    message       TEXT NOT NULL,
    PRIMARY KEY (submission_id, seq)
) STRICT, WITHOUT ROWID;
