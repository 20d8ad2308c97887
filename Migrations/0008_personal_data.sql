-- Personal data (UU PDP, GDPR): an author can be forgotten, the text of a comment can be erased
-- (on request, or by retention after N days), and each erasure is recorded without what it erased.
-- Never edit this file once shipped: add a new NNNN_name.sql instead.

-- A forgotten author keeps their row (comments, bans and batches point to it) under the identity
-- `forgotten:<id>`, which no reader's name, e-mail address or user id can ever fold to. SQLite
-- cannot change a CHECK in place: the table is rebuilt as in 0005.
CREATE TABLE authors_rebuilt (
    id         INTEGER PRIMARY KEY,
    identity   TEXT    NOT NULL UNIQUE CHECK (
                   identity LIKE 'email:_%' OR identity LIKE 'name:_%' OR identity LIKE 'user:_%'
                   OR identity LIKE 'forgotten:_%'),
    name       TEXT    NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    email      TEXT    CHECK (email IS NULL OR length(email) <= 254),
    standing   TEXT    NOT NULL DEFAULT 'normal' CHECK (standing IN ('normal', 'trusted', 'banned')),
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);
INSERT INTO authors_rebuilt (id, identity, name, email, standing, created_at, updated_at)
    SELECT id, identity, name, email, standing, created_at, updated_at FROM authors;
DROP TABLE authors;
ALTER TABLE authors_rebuilt RENAME TO authors;
CREATE INDEX authors_banned ON authors(id) WHERE standing = 'banned';

-- When a comment's text (body and published body) was erased; NULL: it is as written.
ALTER TABLE comments ADD COLUMN text_erased_at INTEGER;
-- Retention: rejected comments whose text is still there, by the time they were last decided.
-- Only rejected comments have an entry (nothing on the submit path of published ones); `status`
-- leads so the planner prefers it to comments_by_status_score for `status = 'rejected'`.
CREATE INDEX comments_rejected_unerased ON comments(status, updated_at) WHERE status = 'rejected' AND text_erased_at IS NULL;
-- Forgetting an author erases the reports made from the addresses they posted from.
CREATE INDEX reports_by_client ON reports(client_hash) WHERE client_hash IS NOT NULL;

-- That an erasure happened: who asked, when, what kind, how many comments' text went. Never what.
CREATE TABLE erasures (
    id           INTEGER PRIMARY KEY,
    kind         TEXT    NOT NULL CHECK (kind IN ('author', 'author-and-comments', 'retention')),
    author_id    INTEGER REFERENCES authors(id),
    comments     INTEGER NOT NULL DEFAULT 0 CHECK (comments >= 0),
    requested_by TEXT    NOT NULL CHECK (length(requested_by) BETWEEN 1 AND 100),
    created_at   INTEGER NOT NULL,
    CHECK ((kind = 'retention') = (author_id IS NULL))
);
CREATE INDEX erasures_by_author ON erasures(author_id) WHERE author_id IS NOT NULL;
CREATE TRIGGER erasures_no_update BEFORE UPDATE ON erasures
BEGIN SELECT RAISE(ABORT, 'erasures are append-only'); END;
CREATE TRIGGER erasures_no_delete BEFORE DELETE ON erasures
BEGIN SELECT RAISE(ABORT, 'erasures are append-only'); END;

-- The decision history stays append-only, with one exception: a reason may be rewritten (the
-- number of reasons kept) so that an erasure can take a forgotten author's name out of it
-- ("posted from an address banned with author …", a moderator's typed reason). Nothing else of a
-- decision can change. The moderators' log of author actions likewise, for its reason only.
DROP TRIGGER decisions_no_update;
CREATE TRIGGER decisions_no_update BEFORE UPDATE ON decisions
WHEN NOT (new.id = old.id AND new.comment_id = old.comment_id AND new.actor_kind = old.actor_kind
          AND new.decided_by = old.decided_by AND new.action = old.action AND new.status = old.status
          AND new.created_at = old.created_at AND new.batch_id IS old.batch_id AND new.undoes IS old.undoes
          AND json_array_length(new.reasons) = json_array_length(old.reasons))
BEGIN SELECT RAISE(ABORT, 'decisions are append-only'); END;
DROP TRIGGER author_actions_no_update;
CREATE TRIGGER author_actions_no_update BEFORE UPDATE ON author_actions
WHEN NOT (new.id = old.id AND new.author_id = old.author_id AND new.moderator = old.moderator
          AND new.action = old.action AND new.created_at = old.created_at AND new.reason IS NOT NULL)
BEGIN SELECT RAISE(ABORT, 'author_actions are append-only'); END;
