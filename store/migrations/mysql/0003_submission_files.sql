-- A file re-imported is recognised by its SHA-256 against EVERY stored version of its
-- unit, not only the current one: this index bounds that lookup however long the history.
-- No IF NOT EXISTS (MySQL 8 lacks it for indexes): the migration lock serialises
-- migrators, and one that loses a race finds version 3 recorded and moves on.

CREATE INDEX submissions_file ON submissions (round_id, unit_code, sha256);
