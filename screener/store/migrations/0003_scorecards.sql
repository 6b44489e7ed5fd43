-- 0003: reviewers' scorecards. Each reviewer rates each competency of a candidate 1–4 with a comment, independently
-- of the screener's level and of the other reviewers; a new rating by the same reviewer supersedes the earlier one
-- (all are kept, the newest counts). Erasing a candidate deletes their ratings; deleting a run deletes its ratings.
CREATE TABLE scorecards (
    id             INTEGER PRIMARY KEY,
    run_id         TEXT NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
    candidate_code TEXT NOT NULL,
    competency     TEXT NOT NULL,
    reviewer       TEXT NOT NULL,
    rating         INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 4),
    comment        TEXT NOT NULL DEFAULT '',
    screener_level INTEGER,                 -- the screener's level (0–4) shown beside the rating when it was given
    created        TEXT NOT NULL
);
CREATE INDEX scorecards_run_candidate ON scorecards (run_id, candidate_code, competency, reviewer, id);
