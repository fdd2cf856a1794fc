-- A history file as metodmon wrote it before several monitorings (schema 1),
-- with one run of 2026-10 and its values: tests/store/history_monitorings_test.cpp
-- opens it with the current metodmon and expects it migrated, rows kept.
CREATE TABLE schema_version (version INTEGER NOT NULL);
CREATE TABLE periods (
  id TEXT PRIMARY KEY,
  first_seen TEXT NOT NULL,
  last_run TEXT
);
CREATE TABLE runs (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  period TEXT NOT NULL REFERENCES periods(id),
  started TEXT NOT NULL,
  finished TEXT,
  exit_code INTEGER,
  files INTEGER NOT NULL DEFAULT 0,
  accepted INTEGER NOT NULL DEFAULT 0,
  rejected INTEGER NOT NULL DEFAULT 0,
  superseded INTEGER NOT NULL DEFAULT 0,
  duplicate INTEGER NOT NULL DEFAULT 0,
  skipped INTEGER NOT NULL DEFAULT 0,
  mails_sent INTEGER NOT NULL DEFAULT 0,
  mails_failed INTEGER NOT NULL DEFAULT 0,
  tool_version TEXT NOT NULL
);
CREATE TABLE files_seen (
  run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  size INTEGER NOT NULL,
  mtime INTEGER NOT NULL,
  outcome TEXT NOT NULL,
  school_id TEXT NOT NULL DEFAULT '',
  error_count INTEGER NOT NULL DEFAULT 0,
  warning_count INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX files_seen_run ON files_seen(run_id);
CREATE INDEX files_seen_sha ON files_seen(sha256);
CREATE TABLE indicator_values (
  period TEXT NOT NULL REFERENCES periods(id),
  school_id TEXT NOT NULL CHECK (school_id <> ''),
  indicator_id TEXT NOT NULL CHECK (indicator_id <> ''),
  numerator REAL,
  denominator REAL,
  value REAL,
  missing TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (period, school_id, indicator_id)
);
CREATE INDEX indicator_values_indicator ON indicator_values(indicator_id, period);
CREATE TABLE run_log (
  run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  level TEXT NOT NULL,
  message TEXT NOT NULL,
  PRIMARY KEY (run_id, seq)
);
INSERT INTO schema_version (version) VALUES (1);
INSERT INTO periods (id, first_seen, last_run) VALUES ('2026-10', '2026-11-01 07:00:00', '2026-11-01 07:00:00');
INSERT INTO runs (id, period, started, finished, exit_code, files, accepted, rejected, tool_version)
  VALUES (1, '2026-10', '2026-11-01 07:00:00', '2026-11-01 07:00:02', 2, 3, 2, 1, 'metodmon 0.1.0');
INSERT INTO files_seen (run_id, name, sha256, size, mtime, outcome, school_id, error_count)
  VALUES (1, 'sch01_2026-10.xlsx', 'aa', 100, 1790000000, 'accepted', 'sch01', 0),
         (1, 'sch02_2026-10.xlsx', 'bb', 100, 1790000000, 'accepted', 'sch02', 0),
         (1, 'sch03_2026-10.xlsx', 'cc', 100, 1790000000, 'rejected', 'sch03', 2);
INSERT INTO indicator_values (period, school_id, indicator_id, numerator, denominator, value, missing)
  VALUES ('2026-10', 'sch01', 'I1', 5, 10, 50, ''),
         ('2026-10', 'sch02', 'I1', 3, 12, 25, ''),
         ('2026-10', '_municipality', 'I1', 8, 22, 36.36, '');
INSERT INTO run_log (run_id, seq, level, message) VALUES (1, 1, 'warning', 'форма sch03 отклонена');
