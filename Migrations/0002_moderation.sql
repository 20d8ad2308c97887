-- Moderation: claims (leases) so two moderators never review the same comment, an append-only
-- log of moderators' actions on authors (ban, unban, trust), and indexes for the queues.
-- Never edit this file once shipped: add a new NNNN_name.sql instead.

-- A moderator's lease on a comment under review. Expired leases count as absent.
CREATE TABLE claims (
    comment_id INTEGER PRIMARY KEY NOT NULL REFERENCES comments(id),
    moderator  TEXT    NOT NULL CHECK (length(moderator) BETWEEN 1 AND 100),
    claimed_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL CHECK (expires_at > claimed_at)
);
CREATE INDEX claims_by_moderator ON claims(moderator);

CREATE TABLE author_actions (
    id         INTEGER PRIMARY KEY,
    author_id  INTEGER NOT NULL REFERENCES authors(id),
    moderator  TEXT    NOT NULL CHECK (length(moderator) BETWEEN 1 AND 100),
    action     TEXT    NOT NULL CHECK (action IN ('ban', 'unban', 'trust')),
    reason     TEXT    CHECK (reason IS NULL OR length(reason) <= 500),
    created_at INTEGER NOT NULL
);
CREATE INDEX author_actions_by_author ON author_actions(author_id, id);
CREATE TRIGGER author_actions_no_update BEFORE UPDATE ON author_actions
BEGIN SELECT RAISE(ABORT, 'author_actions are append-only'); END;
CREATE TRIGGER author_actions_no_delete BEFORE DELETE ON author_actions
BEGIN SELECT RAISE(ABORT, 'author_actions are append-only'); END;

-- Queues: pending by score, flagged (published and flagged), reported (open reports).
CREATE INDEX comments_pending_by_score ON comments(score DESC, id) WHERE status = 'pending';
CREATE INDEX comments_flagged_published ON comments(id) WHERE flagged = 1 AND status = 'published';
CREATE INDEX reports_open ON reports(comment_id, id) WHERE resolved_at IS NULL;
CREATE INDEX comments_by_created ON comments(created_at);

-- The rule's one-line description as it was when it fired, for moderators.
ALTER TABLE rule_hits ADD COLUMN description TEXT NOT NULL DEFAULT '';
