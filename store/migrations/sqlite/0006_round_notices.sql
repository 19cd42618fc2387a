-- What the office's papers for a round carry besides the data (xxgk.Notice): the 通报's
-- document number, issuing office and date, and the 补报/整改 deadline. One row per round,
-- written by `report`/`feedback` when a flag is given, so the office sets each once.
-- Empty text means "not set": the issuer then defaults to the contact office, the date to
-- the day the paper is written, and the papers carry no deadline.

CREATE TABLE IF NOT EXISTS round_notices (
    round_id   TEXT NOT NULL PRIMARY KEY REFERENCES rounds (id),
    doc_number TEXT NOT NULL,
    issuer     TEXT NOT NULL,
    issued_on  TEXT NOT NULL, -- YYYY-MM-DD or ''
    reply_by   TEXT NOT NULL  -- YYYY-MM-DD or ''
) STRICT, WITHOUT ROWID;
