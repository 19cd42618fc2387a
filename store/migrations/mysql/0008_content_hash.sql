-- A submission is recognised by what it says, not by its bytes: Excel, WPS and
-- LibreOffice rewrite every byte of a workbook they save, so a re-saved file with the same
-- values must be "unchanged", not a new version. content_hash is
-- xxgk.Submission.ContentHash (SHA-256 of the normalised values); the index bounds the
-- lookup against every stored version of a unit, however long its history.
-- Rows stored before this migration get their hash from their stored items when it is
-- applied (store/backfill.go). No IF NOT EXISTS (MySQL 8 lacks it for columns and
-- indexes): the migration lock serialises migrators, and a rerun after a crash tolerates
-- the duplicate column and index.

ALTER TABLE submissions ADD COLUMN content_hash CHAR(64) CHARACTER SET ascii NOT NULL DEFAULT '';

CREATE INDEX submissions_content ON submissions (round_id, unit_code, content_hash);
