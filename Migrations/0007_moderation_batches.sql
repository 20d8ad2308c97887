-- Moderation as use cases: a bulk rejection or a ban is one batch that can be undone as a whole,
-- an undo names the decision it takes back, and a report names the decision that resolved it (so
-- undoing that decision reopens exactly those reports, not whatever shares its timestamp).
-- Never edit this file once shipped: add a new NNNN_name.sql instead.

-- A bulk rejection (by pattern or campaign) or a ban with the comments it rejected.
CREATE TABLE batches (
    id                INTEGER PRIMARY KEY,
    kind              TEXT    NOT NULL CHECK (kind IN ('bulk-reject', 'ban')),
    moderator         TEXT    NOT NULL CHECK (length(moderator) BETWEEN 1 AND 100),
    description       TEXT    NOT NULL CHECK (length(description) BETWEEN 1 AND 600),
    -- A ban: whom, and the standing it replaced (restored by the undo).
    author_id         INTEGER REFERENCES authors(id),
    previous_standing TEXT    CHECK (previous_standing IS NULL OR previous_standing IN ('normal', 'trusted', 'banned')),
    created_at        INTEGER NOT NULL,
    undone_at         INTEGER,
    undone_by         TEXT    CHECK (undone_by IS NULL OR length(undone_by) BETWEEN 1 AND 100),
    CHECK ((kind = 'ban') = (author_id IS NOT NULL)),
    CHECK ((undone_at IS NULL) = (undone_by IS NULL))
);

-- The batch a moderator's decision was part of, and the decision an undo takes back.
ALTER TABLE decisions ADD COLUMN batch_id INTEGER REFERENCES batches(id);
ALTER TABLE decisions ADD COLUMN undoes INTEGER REFERENCES decisions(id);
CREATE INDEX decisions_by_batch ON decisions(batch_id) WHERE batch_id IS NOT NULL;
CREATE UNIQUE INDEX decisions_undone_once ON decisions(undoes) WHERE undoes IS NOT NULL;

-- The decision that resolved a report.
ALTER TABLE reports ADD COLUMN resolved_by INTEGER REFERENCES decisions(id);
CREATE INDEX reports_by_resolving_decision ON reports(resolved_by) WHERE resolved_by IS NOT NULL;

-- The authors banned now (`saring bans`, `GET /v1/bans`), without reading every author.
CREATE INDEX authors_banned ON authors(id) WHERE standing = 'banned';

-- Reports resolved before this migration were resolved by the moderator's decision of the same
-- comment made at the same millisecond: link them to it.
UPDATE reports SET resolved_by = (
    SELECT max(decisions.id) FROM decisions
    WHERE decisions.comment_id = reports.comment_id AND decisions.actor_kind = 'moderator'
        AND decisions.created_at = reports.resolved_at)
WHERE resolved_at IS NOT NULL;

-- Undos recorded before this migration say which decision they took back only in their reason
-- ("undo of decision 123 (approve)"): write it into `undoes`. The history is append-only; its
-- guard is lifted for this one backfill and put back as it was.
DROP TRIGGER decisions_no_update;
UPDATE decisions SET undoes = CAST(substr(json_extract(reasons, '$[0]'), 18) AS INTEGER)
WHERE actor_kind = 'moderator' AND json_extract(reasons, '$[0]') LIKE 'undo of decision %';
CREATE TRIGGER decisions_no_update BEFORE UPDATE ON decisions
BEGIN SELECT RAISE(ABORT, 'decisions are append-only'); END;
