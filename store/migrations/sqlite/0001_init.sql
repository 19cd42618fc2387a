-- Units, rounds and the catalog snapshot each round was sent out with.
-- Timestamps are INTEGER microseconds since the Unix epoch (UTC); dates are 'YYYY-MM-DD' text.
-- STRICT makes SQLite reject values of the wrong type, as MySQL does.

CREATE TABLE IF NOT EXISTS units (
    code    TEXT NOT NULL PRIMARY KEY,
    name    TEXT NOT NULL,
    short   TEXT NOT NULL,
    kind    TEXT NOT NULL,
    aliases TEXT NOT NULL -- JSON array of strings
) STRICT;

CREATE TABLE IF NOT EXISTS rounds (
    id             TEXT NOT NULL PRIMARY KEY,
    title          TEXT NOT NULL,
    deadline       TEXT NOT NULL, -- YYYY-MM-DD
    contact_office TEXT NOT NULL,
    contact_people TEXT NOT NULL,
    contact_phone  TEXT NOT NULL,
    contact_email  TEXT NOT NULL,
    county_scope   TEXT NOT NULL,
    created_at     INTEGER NOT NULL -- unix microseconds, UTC
) STRICT;

CREATE INDEX IF NOT EXISTS rounds_created ON rounds (created_at);

CREATE TABLE IF NOT EXISTS round_units (
    round_id  TEXT NOT NULL REFERENCES rounds (id),
    seq       INTEGER NOT NULL,
    unit_code TEXT NOT NULL,
    name      TEXT NOT NULL,
    short     TEXT NOT NULL,
    kind      TEXT NOT NULL,
    aliases   TEXT NOT NULL,
    PRIMARY KEY (round_id, seq),
    UNIQUE (round_id, unit_code)
) STRICT, WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS round_indicators (
    round_id   TEXT NOT NULL REFERENCES rounds (id),
    seq        INTEGER NOT NULL,
    code       TEXT NOT NULL,
    area       TEXT NOT NULL,
    sub_area   TEXT NOT NULL,
    content    TEXT NOT NULL,
    report     TEXT NOT NULL,
    units_raw  TEXT NOT NULL,
    units      TEXT NOT NULL, -- unit codes joined by ','
    all_depts  INTEGER NOT NULL,
    all_county INTEGER NOT NULL,
    open_ended INTEGER NOT NULL,
    frequency  TEXT NOT NULL,
    display    TEXT NOT NULL,
    PRIMARY KEY (round_id, seq),
    UNIQUE (round_id, code)
) STRICT, WITHOUT ROWID;
