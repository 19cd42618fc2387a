-- Website checks gain what verify --browser and the rushed-update rule add (issue 16):
-- rendered (1 when the page was judged as a browser drew it) and rushed (the 突击更新
-- warning sentence, '' when none). Rows of earlier runs were never rendered and carry no
-- warning.

ALTER TABLE site_checks ADD COLUMN rendered INTEGER NOT NULL DEFAULT 0;

ALTER TABLE site_checks ADD COLUMN rushed TEXT NOT NULL DEFAULT '';
