-- The web intake portal (issue 15): access codes and the audit log. Reviews (审核) need no
-- table: they are unit_events of kind 'approve' and 'return' (version = the version
-- reviewed, note = the office's comment), kept like the corrections.

-- One access code per unit and round, and the office's (round_id = unit_code = ''). The
-- key id is the code's public first part, so a code alone finds its row; the code itself
-- is kept only as an argon2id hash (PHC string). A reset replaces the row's key id and hash:
-- the old code stops working at once.
CREATE TABLE IF NOT EXISTS access_codes (
    round_id   VARCHAR(64) COLLATE utf8mb4_bin NOT NULL,
    unit_code  VARCHAR(64) COLLATE utf8mb4_bin NOT NULL,
    key_id     VARCHAR(16) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    hash       VARCHAR(255) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    created_at BIGINT NOT NULL, -- unix microseconds, UTC
    created_by TEXT NOT NULL,
    PRIMARY KEY (round_id, unit_code),
    UNIQUE KEY access_codes_key (key_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Who did what through the portal or the CLI: sign-ins (failed ones too), uploads,
-- reviews, downloads, verify runs, codes issued. Append-only.
CREATE TABLE IF NOT EXISTS audit_log (
    id         BIGINT NOT NULL AUTO_INCREMENT,
    at         BIGINT NOT NULL, -- unix microseconds, UTC
    actor_kind VARCHAR(16) CHARACTER SET ascii NOT NULL, -- office, unit, operator, anonymous
    actor_unit VARCHAR(64) COLLATE utf8mb4_bin NOT NULL,
    actor_name VARCHAR(200) NOT NULL,
    action     VARCHAR(16) CHARACTER SET ascii NOT NULL,
    outcome    VARCHAR(32) NOT NULL,
    round_id   VARCHAR(64) COLLATE utf8mb4_bin NOT NULL,
    remote     VARCHAR(200) NOT NULL,
    detail     TEXT NOT NULL,
    PRIMARY KEY (id),
    -- `xxgk audit --since`: one range scan.
    KEY audit_log_at (at, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
