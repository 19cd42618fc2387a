-- Files the import refused, one row per distinct file of a unit. Nothing of their content
-- is kept (the unit gets its annotated copy back); the row only lets status and feedback
-- tell a unit that tried and was sent its file back from one that never reported.

CREATE TABLE IF NOT EXISTS rejections (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    round_id    TEXT NOT NULL,
    unit_code   TEXT NOT NULL,
    file_name   TEXT NOT NULL,
    sha256      TEXT NOT NULL,
    rejected_at INTEGER NOT NULL, -- unix microseconds, UTC
    imported_by TEXT NOT NULL,
    errors      INTEGER NOT NULL,
    -- The same refused file imported again is not a second attempt.
    UNIQUE (round_id, unit_code, sha256),
    FOREIGN KEY (round_id, unit_code) REFERENCES round_units (round_id, unit_code)
) STRICT;
