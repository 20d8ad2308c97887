-- Tuning policies with evidence (issue #12): every policy version that judged anything with its
-- files, decisions linked to it, and the time each rule costs as measured in the server.
-- Never edit this file once shipped: add a new NNNN_name.sql instead.

-- A policy version as loaded by the server: its content hash (what `decisions.decided_by` holds
-- for a policy decision), the folder's files and rules, when it was (last) loaded, and the first
-- and last time it judged a comment (written by the server's periodic flush, NULL until then).
CREATE TABLE policy_versions (
    id            INTEGER PRIMARY KEY,
    version       TEXT    NOT NULL UNIQUE CHECK (length(version) BETWEEN 1 AND 64),
    -- [{"name": "judol.yaml", "text": "…"}, …] in file-name order.
    files         TEXT    NOT NULL CHECK (json_valid(files) AND json_type(files) = 'array'),
    -- [{"id", "category", "action", "shadow", "description", "file", "line"}, …] in file order.
    rules         TEXT    NOT NULL CHECK (json_valid(rules) AND json_type(rules) = 'array'),
    loaded_at     INTEGER NOT NULL,
    first_used_at INTEGER,
    last_used_at  INTEGER,
    CHECK (first_used_at IS NULL OR last_used_at >= first_used_at)
);
-- The version in force is the one loaded last.
CREATE INDEX policy_versions_by_loaded ON policy_versions(loaded_at);

-- The policy version of a policy decision (NULL for moderators, the system, and decisions made
-- before this migration or by a built-in decider). Decisions stay append-only: only new rows get it.
ALTER TABLE decisions ADD COLUMN policy_version_id INTEGER REFERENCES policy_versions(id);

-- What each rule's regex cost in the server, per UTC day and policy version: how often it ran
-- (on the comments the server sampled for timing), how often it matched, and the total time.
CREATE TABLE rule_timings (
    day        INTEGER NOT NULL,  -- days since the Unix epoch (UTC)
    rule_id    TEXT    NOT NULL,
    version_id INTEGER NOT NULL REFERENCES policy_versions(id),
    runs       INTEGER NOT NULL CHECK (runs >= 0),
    matches    INTEGER NOT NULL CHECK (matches >= 0),
    nanos      INTEGER NOT NULL CHECK (nanos >= 0),
    PRIMARY KEY (day, rule_id, version_id)
) WITHOUT ROWID;
