-- 0001: screening runs, one result per input file, and the documents they read.
-- A run lists every file it will score (run_files) so a run killed part-way can resume with only what is missing.

CREATE TABLE runs (
    id            TEXT PRIMARY KEY,
    status        TEXT NOT NULL CHECK (status IN ('running', 'complete', 'interrupted')),
    rubric_name   TEXT NOT NULL,
    rubric_yaml   TEXT NOT NULL,
    rubric_sha256 TEXT NOT NULL,
    inputs        TEXT NOT NULL,            -- JSON: the inputs as given (paths, or uploads by document sha256)
    as_of         TEXT NOT NULL,            -- YYYY-MM-DD
    options       TEXT NOT NULL,            -- JSON: ScreenOptions and output choices
    notes         TEXT NOT NULL DEFAULT '[]',  -- JSON list of run-level notes
    created       TEXT NOT NULL,            -- ISO 8601 UTC
    finished      TEXT,
    pid           INTEGER,                  -- process screening it now (with its start time: tells running from dead)
    pid_started   TEXT,
    heartbeat     TEXT
);
CREATE INDEX runs_created ON runs (created);

CREATE TABLE documents (
    sha256    TEXT PRIMARY KEY,             -- of the file's bytes
    file_name TEXT NOT NULL,
    kind      TEXT NOT NULL DEFAULT '',     -- pdf, docx, txt, jsonresume ('' until read)
    text      TEXT,                         -- extracted text, for the candidate page
    data      BLOB,                         -- the bytes, kept for uploads (a re-opened run needs them)
    created   TEXT NOT NULL
);

CREATE TABLE run_files (
    run_id          TEXT NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
    file_key        TEXT NOT NULL,          -- display name, unique in the run (relative path when names clash)
    position        INTEGER NOT NULL,
    document_sha256 TEXT REFERENCES documents (sha256),
    PRIMARY KEY (run_id, file_key)
);

CREATE TABLE results (
    run_id          TEXT NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
    file_key        TEXT NOT NULL,
    candidate_code  TEXT NOT NULL,          -- stable pseudonym: "C-" + 8 hex of the document's sha256
    document_sha256 TEXT REFERENCES documents (sha256),
    result          TEXT NOT NULL,          -- CandidateResult JSON
    error           TEXT NOT NULL DEFAULT '',
    scored_at       TEXT NOT NULL,
    PRIMARY KEY (run_id, file_key)
);
CREATE INDEX results_candidate ON results (candidate_code);
