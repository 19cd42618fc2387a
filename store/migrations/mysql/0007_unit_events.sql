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
    id           BIGINT NOT NULL AUTO_INCREMENT,
    round_id     VARCHAR(64) COLLATE utf8mb4_bin NOT NULL,
    unit_code    VARCHAR(64) COLLATE utf8mb4_bin NOT NULL,
    kind         VARCHAR(32) CHARACTER SET ascii NOT NULL,
    version      INT NOT NULL,
    from_version INT NOT NULL,
    rejection_id BIGINT NOT NULL,
    cleared      INT NOT NULL,
    at           BIGINT NOT NULL, -- unix microseconds, UTC
    operator     TEXT NOT NULL,
    note         TEXT NOT NULL,
    PRIMARY KEY (id),
    -- "is this version withdrawn", "up to which refusal is this unit cleared": one seek each.
    KEY unit_events_unit (round_id, unit_code, kind, version),
    CONSTRAINT unit_events_unit FOREIGN KEY (round_id, unit_code) REFERENCES round_units (round_id, unit_code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
