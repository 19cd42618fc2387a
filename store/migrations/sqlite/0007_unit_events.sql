-- Corrections the office makes to a unit's record, never by deleting: a revert records a
-- new version with an old one's content, a withdrawal sets the unit's versions aside, and
-- clearing refusals forgets the refused files recorded so far. Each is a row here, with
-- its time and operator, and shows in `xxgk history`.
--   revert:           version = the version recorded, from_version = the one restored
--   withdraw:         version = the version withdrawn; the unit is 未报送 while that
--                     version is still its highest (the next accepted file supersedes it)
--   clear_rejections: rejection_id = the newest refused file cleared; the unit's refusals
--                     up to it no longer count; cleared = how many they were

CREATE TABLE IF NOT EXISTS unit_events (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    round_id     TEXT NOT NULL,
    unit_code    TEXT NOT NULL,
    kind         TEXT NOT NULL,
    version      INTEGER NOT NULL,
    from_version INTEGER NOT NULL,
    rejection_id INTEGER NOT NULL,
    cleared      INTEGER NOT NULL,
    at           INTEGER NOT NULL, -- unix microseconds, UTC
    operator     TEXT NOT NULL,
    note         TEXT NOT NULL,
    FOREIGN KEY (round_id, unit_code) REFERENCES round_units (round_id, unit_code)
) STRICT;

-- "is this version withdrawn", "up to which refusal is this unit cleared": one seek each.
CREATE INDEX IF NOT EXISTS unit_events_unit ON unit_events (round_id, unit_code, kind, version);
