-- A file re-imported is recognised by its SHA-256 against EVERY stored version of its
-- unit, not only the current one: this index bounds that lookup however long the history.

CREATE INDEX IF NOT EXISTS submissions_file ON submissions (round_id, unit_code, sha256);
