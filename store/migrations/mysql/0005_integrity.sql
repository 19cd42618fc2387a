-- The secret that signs templates' hidden sheets (xxgk.TemplateMeta.IntegrityCode): one
-- row, created by the first command that needs it and never printed. It lives with the
-- data it protects, so every copy of the office's database checks its own templates.
--
-- Free-text columns already hold more than xxgk's text limits allow (TEXT and MEDIUMTEXT
-- in utf8mb4); they are not narrowed here, because a database holding an older, longer
-- value would fail this migration and stop every command. store's schema test checks that
-- each column holds its limit in 4-byte characters, and SaveSubmissions refuses text over
-- the limits on both engines alike.

CREATE TABLE IF NOT EXISTS template_keys (
    id         INT NOT NULL,
    secret     CHAR(64) CHARACTER SET ascii NOT NULL, -- hex of 32 random bytes
    created_at BIGINT NOT NULL,                       -- unix microseconds, UTC
    PRIMARY KEY (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The rounds recorded before the key was created (filled in the same transaction): their
-- templates went out without a code and still import, with a warning. A template of any
-- later round without a code has had it removed and is refused.
CREATE TABLE IF NOT EXISTS template_key_older_rounds (
    round_id VARCHAR(64) COLLATE utf8mb4_bin NOT NULL,
    PRIMARY KEY (round_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
