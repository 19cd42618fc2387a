-- The secret that signs templates' hidden sheets (xxgk.TemplateMeta.IntegrityCode): one
-- row, created by the first command that needs it and never printed. It lives with the
-- data it protects, so every copy of the office's database checks its own templates.
-- SQLite's TEXT has no length; SaveSubmissions applies xxgk's text limits as on MySQL.

CREATE TABLE IF NOT EXISTS template_keys (
    id         INTEGER NOT NULL PRIMARY KEY,
    secret     TEXT NOT NULL, -- hex of 32 random bytes
    created_at INTEGER NOT NULL -- unix microseconds, UTC
) STRICT;
