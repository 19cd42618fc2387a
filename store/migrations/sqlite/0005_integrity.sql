-- The secret that signs templates' hidden sheets (xxgk.TemplateMeta.IntegrityCode): one
-- row, created by the first command that needs it and never printed. It lives with the
-- data it protects, so every copy of the office's database checks its own templates.
-- SQLite's TEXT has no length; SaveSubmissions applies xxgk's text limits as on MySQL.

CREATE TABLE IF NOT EXISTS template_keys (
    id         INTEGER NOT NULL PRIMARY KEY,
    secret     TEXT NOT NULL, -- hex of 32 random bytes
    created_at INTEGER NOT NULL -- unix microseconds, UTC
) STRICT;

-- The rounds recorded before the key was created (filled in the same transaction): their
-- templates went out without a code and still import, with a warning. A template of any
-- later round without a code has had it removed and is refused.
CREATE TABLE IF NOT EXISTS template_key_older_rounds (
    round_id TEXT NOT NULL PRIMARY KEY
) STRICT;
