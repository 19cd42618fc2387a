-- More paper settings per round (xxgk.Notice): the day the statistics are judged
-- (as_of, YYYY-MM-DD or ''), the 通报's 抄送 line (cc) and the intake portal's address
-- printed on templates and letters (portal_url). Empty means "not set".

ALTER TABLE round_notices ADD COLUMN as_of TEXT NOT NULL DEFAULT '';

ALTER TABLE round_notices ADD COLUMN cc TEXT NOT NULL DEFAULT '';

ALTER TABLE round_notices ADD COLUMN portal_url TEXT NOT NULL DEFAULT '';
