-- What a refused file was refused for, and the file itself, so that feedback can list the
-- errors in the unit's letter and put the annotated copy beside it, whenever it is written
-- and whether or not the import was given an errors folder. Files over the importer's cap
-- for kept copies are recorded without content (the letter still lists the errors).

CREATE TABLE IF NOT EXISTS rejection_problems (
    rejection_id BIGINT NOT NULL,
    seq          INT NOT NULL,
    severity     VARCHAR(16) NOT NULL,
    sheet        TEXT NOT NULL,
    cell         VARCHAR(32) NOT NULL,
    code         VARCHAR(64) NOT NULL,
    field        TEXT NOT NULL,
    value        MEDIUMTEXT NOT NULL,
    message      TEXT NOT NULL,
    PRIMARY KEY (rejection_id, seq),
    CONSTRAINT rejection_problems_rejection FOREIGN KEY (rejection_id) REFERENCES rejections (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS rejection_files (
    rejection_id BIGINT NOT NULL,
    content      LONGBLOB NOT NULL,
    PRIMARY KEY (rejection_id),
    CONSTRAINT rejection_files_rejection FOREIGN KEY (rejection_id) REFERENCES rejections (id)
) ENGINE = InnoDB;
