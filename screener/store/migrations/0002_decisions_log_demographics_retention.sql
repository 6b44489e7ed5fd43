-- 0002: decisions, the hash-chained decision log, self-reported demographics (kept apart) and retention settings.

-- The decision log: append-only, each entry chained to the one before it (screener/fairness/decision_log.py).
-- hash = sha256(canonical JSON of {seq, ts, kind, payload_sha256, prev_hash}), payload_sha256 = sha256(payload).
-- An erasure may blank an entry's payload (and its run_id/candidate_code copies) but never its hashes, and only
-- with a later 'erasure' entry that names it: the chain still verifies without the personal data.
CREATE TABLE decision_log (
    seq            INTEGER PRIMARY KEY,     -- 1, 2, 3, … with no gaps (a purge moves the anchor's first_seq)
    ts             TEXT NOT NULL,           -- ISO 8601 UTC
    kind           TEXT NOT NULL,           -- decision, reveal, erasure, purge, retention, demographics
    run_id         TEXT,                    -- copies of the payload's fields, for look-ups (not hashed separately)
    candidate_code TEXT,
    payload        TEXT,                    -- canonical JSON, NULL once erased
    payload_sha256 TEXT NOT NULL,
    prev_hash      TEXT NOT NULL,
    hash           TEXT NOT NULL UNIQUE
);
CREATE INDEX decision_log_candidate ON decision_log (candidate_code);
CREATE INDEX decision_log_ts ON decision_log (ts);

-- Where the chain starts and ends: deleting the newest entries, or the oldest ones without a purge entry, shows.
CREATE TABLE decision_log_anchor (
    id              INTEGER PRIMARY KEY CHECK (id = 1),
    first_seq       INTEGER NOT NULL,
    first_prev_hash TEXT NOT NULL,
    last_seq        INTEGER NOT NULL,
    last_hash       TEXT NOT NULL
);

-- The reviewers' decisions (the working copy the app shows, the log above is the record). Never automatic.
CREATE TABLE decisions (
    id             INTEGER PRIMARY KEY,
    run_id         TEXT NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
    candidate_code TEXT NOT NULL,
    decision       TEXT NOT NULL CHECK (decision IN ('advance', 'hold', 'reject')),
    reasons        TEXT NOT NULL DEFAULT '[]',   -- JSON list chosen from the reason list
    reason_text    TEXT NOT NULL DEFAULT '',
    notes          TEXT NOT NULL DEFAULT '',
    reviewer       TEXT NOT NULL,
    rubric_sha256  TEXT NOT NULL,
    score_shown    REAL,
    created        TEXT NOT NULL,
    log_seq        INTEGER NOT NULL
);
CREATE INDEX decisions_run_candidate ON decisions (run_id, candidate_code, id);

-- Self-reported demographics for the adverse-impact report: never joined into anything a reviewer sees.
CREATE TABLE demographics (
    run_id         TEXT NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
    candidate_code TEXT NOT NULL,
    sex            TEXT,                    -- NULL = unknown
    race_ethnicity TEXT,
    imported       TEXT NOT NULL,
    PRIMARY KEY (run_id, candidate_code)
);

-- Retention periods the employer sets, in days (NULL = keep until deleted). Decisions default to 3 years
-- (Colorado SB 26-189) in code when no row is set.
CREATE TABLE retention (
    what    TEXT PRIMARY KEY CHECK (what IN ('documents', 'results', 'decisions')),
    days    INTEGER CHECK (days IS NULL OR days > 0),
    updated TEXT NOT NULL
);
