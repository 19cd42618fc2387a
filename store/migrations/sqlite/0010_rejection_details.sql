-- What a refused file was refused for, and the file itself, so that feedback can list the
-- errors in the unit's letter and put the annotated copy beside it, whenever it is written
-- and whether or not the import was given an errors folder. Files over the importer's cap
-- for kept copies are recorded without content (the letter still lists the errors).

CREATE TABLE IF NOT EXISTS rejection_problems (
    rejection_id INTEGER NOT NULL REFERENCES rejections (id),
    seq          INTEGER NOT NULL,
    severity     TEXT NOT NULL,
    sheet        TEXT NOT NULL,
    cell         TEXT NOT NULL,
    code         TEXT NOT NULL,
    field        TEXT NOT NULL,
    value        TEXT NOT NULL,
    message      TEXT NOT NULL,
    PRIMARY KEY (rejection_id, seq)
) STRICT, WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS rejection_files (
    rejection_id INTEGER NOT NULL PRIMARY KEY REFERENCES rejections (id),
    content      BLOB NOT NULL
) STRICT;
