-- What the office's papers for a round carry besides the data (xxgk.Notice): the 通报's
-- document number, issuing office and date, and the 补报/整改 deadline. One row per round,
-- written by `report`/`feedback` when a flag is given, so the office sets each once.
-- Empty text means "not set": the issuer then defaults to the contact office, the date to
-- the day the paper is written, and the papers carry no deadline.

CREATE TABLE IF NOT EXISTS round_notices (
    round_id   VARCHAR(64) COLLATE utf8mb4_bin NOT NULL,
    doc_number TEXT NOT NULL,
    issuer     TEXT NOT NULL,
    issued_on  CHAR(10) NOT NULL, -- YYYY-MM-DD or ''
    reply_by   CHAR(10) NOT NULL, -- YYYY-MM-DD or ''
    PRIMARY KEY (round_id),
    CONSTRAINT round_notices_round FOREIGN KEY (round_id) REFERENCES rounds (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
