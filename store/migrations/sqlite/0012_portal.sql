-- The web intake portal (issue 15): access codes and the audit log. Reviews (审核) need no
-- table: they are unit_events of kind 'approve' and 'return' (version = the version
-- reviewed, note = the office's comment), kept like the corrections.

-- One access code per unit and round, and the office's (round_id = unit_code = ''). The
-- key id is the code's public first part, so a code alone finds its row; the code itself
-- is kept only as an argon2id hash (PHC string). A reset replaces the row's key id and hash:
-- the old code stops working at once.
CREATE TABLE IF NOT EXISTS access_codes (
    round_id   TEXT NOT NULL,
    unit_code  TEXT NOT NULL,
    key_id     TEXT NOT NULL,
    hash       TEXT NOT NULL,
    created_at INTEGER NOT NULL, -- unix microseconds, UTC
    created_by TEXT NOT NULL,
    PRIMARY KEY (round_id, unit_code)
) STRICT;

CREATE UNIQUE INDEX IF NOT EXISTS access_codes_key ON access_codes (key_id);

-- Who did what through the portal or the CLI: sign-ins (failed ones too), uploads,
-- reviews, downloads, verify runs, codes issued. Append-only.
CREATE TABLE IF NOT EXISTS audit_log (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    at         INTEGER NOT NULL, -- unix microseconds, UTC
    actor_kind TEXT NOT NULL,    -- office, unit, operator, anonymous
    actor_unit TEXT NOT NULL,
    actor_name TEXT NOT NULL,
    action     TEXT NOT NULL,
    outcome    TEXT NOT NULL,
    round_id   TEXT NOT NULL,
    remote     TEXT NOT NULL,
    detail     TEXT NOT NULL
) STRICT;

-- `xxgk audit --since`: one range scan.
CREATE INDEX IF NOT EXISTS audit_log_at ON audit_log (at, id);
