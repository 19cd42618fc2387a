-- Units, rounds and the catalog snapshot each round was sent out with.
-- Timestamps are BIGINT microseconds since the Unix epoch (UTC); dates are 'YYYY-MM-DD' text.
-- Keys use utf8mb4_bin so they compare byte for byte, as SQLite does; text is utf8mb4 so
-- 4-byte characters (𠀀, emoji) survive. IF NOT EXISTS because MySQL DDL cannot be rolled back.

CREATE TABLE IF NOT EXISTS units (
    code    VARCHAR(64) COLLATE utf8mb4_bin NOT NULL,
    name    TEXT NOT NULL,
    short   TEXT NOT NULL,
    kind    VARCHAR(16) NOT NULL,
    aliases TEXT NOT NULL, -- JSON array of strings
    PRIMARY KEY (code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS rounds (
    id             VARCHAR(64) COLLATE utf8mb4_bin NOT NULL,
    title          TEXT NOT NULL,
    deadline       CHAR(10) NOT NULL, -- YYYY-MM-DD
    contact_office TEXT NOT NULL,
    contact_people TEXT NOT NULL,
    contact_phone  TEXT NOT NULL,
    contact_email  TEXT NOT NULL,
    county_scope   VARCHAR(16) NOT NULL,
    created_at     BIGINT NOT NULL, -- unix microseconds, UTC
    PRIMARY KEY (id),
    KEY rounds_created (created_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS round_units (
    round_id  VARCHAR(64) COLLATE utf8mb4_bin NOT NULL,
    seq       INT NOT NULL,
    unit_code VARCHAR(64) COLLATE utf8mb4_bin NOT NULL,
    name      TEXT NOT NULL,
    short     TEXT NOT NULL,
    kind      VARCHAR(16) NOT NULL,
    aliases   TEXT NOT NULL,
    PRIMARY KEY (round_id, seq),
    UNIQUE KEY round_units_code (round_id, unit_code),
    CONSTRAINT round_units_round FOREIGN KEY (round_id) REFERENCES rounds (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS round_indicators (
    round_id   VARCHAR(64) COLLATE utf8mb4_bin NOT NULL,
    seq        INT NOT NULL,
    code       VARCHAR(64) COLLATE utf8mb4_bin NOT NULL,
    area       TEXT NOT NULL,
    sub_area   TEXT NOT NULL,
    content    TEXT NOT NULL,
    report     TEXT NOT NULL,
    units_raw  TEXT NOT NULL,
    units      TEXT NOT NULL, -- unit codes joined by ','
    all_depts  BOOLEAN NOT NULL,
    all_county BOOLEAN NOT NULL,
    open_ended BOOLEAN NOT NULL,
    frequency  TEXT NOT NULL,
    display    TEXT NOT NULL,
    PRIMARY KEY (round_id, seq),
    UNIQUE KEY round_indicators_code (round_id, code),
    CONSTRAINT round_indicators_round FOREIGN KEY (round_id) REFERENCES rounds (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
