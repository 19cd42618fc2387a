-- More paper settings per round (xxgk.Notice): the day the statistics are judged
-- (as_of, YYYY-MM-DD or ''), the 通报's 抄送 line (cc) and the intake portal's address
-- printed on templates and letters (portal_url). Empty means "not set".
-- No IF NOT EXISTS (MySQL 8 lacks it for columns): the migration lock serialises
-- migrators, and a rerun after a crash tolerates the duplicate column.

ALTER TABLE round_notices ADD COLUMN as_of CHAR(10) NOT NULL DEFAULT '';

ALTER TABLE round_notices ADD COLUMN cc VARCHAR(2000) NOT NULL DEFAULT '';

ALTER TABLE round_notices ADD COLUMN portal_url VARCHAR(2000) NOT NULL DEFAULT '';
