-- Saring's first schema: articles, authors, comments, the decision history, rule hits and reader
-- reports. Times are integer milliseconds since the Unix epoch (UTC).
-- Never edit this file once shipped: add a new NNNN_name.sql instead.

CREATE TABLE articles (
    id           TEXT    PRIMARY KEY NOT NULL CHECK (length(id) BETWEEN 1 AND 128),
    title        TEXT    CHECK (title IS NULL OR length(title) <= 500),
    url          TEXT    CHECK (url IS NULL OR length(url) <= 2000),
    section      TEXT    CHECK (section IS NULL OR length(section) <= 200),
    is_open      INTEGER NOT NULL DEFAULT 1 CHECK (is_open IN (0, 1)),
    premoderated INTEGER NOT NULL DEFAULT 0 CHECK (premoderated IN (0, 1)),
    created_at   INTEGER NOT NULL,
    updated_at   INTEGER NOT NULL
) WITHOUT ROWID;

-- An author is identified by their e-mail address (lower-cased) when they give one, else by their
-- display name (case-folded): `identity` is 'email:…' or 'name:…'.
CREATE TABLE authors (
    id         INTEGER PRIMARY KEY,
    identity   TEXT    NOT NULL UNIQUE CHECK (identity LIKE 'email:_%' OR identity LIKE 'name:_%'),
    name       TEXT    NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    email      TEXT    CHECK (email IS NULL OR length(email) <= 254),
    standing   TEXT    NOT NULL DEFAULT 'normal' CHECK (standing IN ('normal', 'trusted', 'banned')),
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);

CREATE TABLE comments (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    article_id     TEXT    NOT NULL REFERENCES articles(id),
    parent_id      INTEGER,
    author_id      INTEGER NOT NULL REFERENCES authors(id),
    author_name    TEXT    NOT NULL CHECK (length(author_name) BETWEEN 1 AND 100),
    body           TEXT    NOT NULL CHECK (length(body) >= 1),
    published_body TEXT    NOT NULL,
    status         TEXT    NOT NULL CHECK (status IN ('published', 'pending', 'rejected')),
    flagged        INTEGER NOT NULL DEFAULT 0 CHECK (flagged IN (0, 1)),
    score          REAL    NOT NULL DEFAULT 0,
    created_at     INTEGER NOT NULL,
    updated_at     INTEGER NOT NULL,
    -- A reply's parent exists and belongs to the same article.
    FOREIGN KEY (parent_id, article_id) REFERENCES comments(id, article_id),
    CHECK (parent_id IS NULL OR parent_id <> id)
);
CREATE UNIQUE INDEX comments_id_article ON comments(id, article_id);
-- The public list: published comments of one article in id order.
CREATE INDEX comments_published_by_article ON comments(article_id, id) WHERE status = 'published';
-- Moderation queues.
CREATE INDEX comments_by_status ON comments(status, id);
CREATE INDEX comments_flagged ON comments(id) WHERE flagged = 1;
CREATE INDEX comments_by_author ON comments(author_id, status);
CREATE INDEX comments_by_parent ON comments(parent_id) WHERE parent_id IS NOT NULL;

-- Every decision on a comment, by a policy (decided_by = policy version) or a moderator
-- (decided_by = their name). Append-only: the triggers below refuse updates and deletes.
CREATE TABLE decisions (
    id          INTEGER PRIMARY KEY,
    comment_id  INTEGER NOT NULL REFERENCES comments(id),
    actor_kind  TEXT    NOT NULL CHECK (actor_kind IN ('policy', 'moderator', 'system')),
    decided_by  TEXT    NOT NULL CHECK (length(decided_by) >= 1),
    action      TEXT    NOT NULL CHECK (action IN ('publish', 'hold', 'reject', 'flag', 'approve', 'unflag')),
    status      TEXT    NOT NULL CHECK (status IN ('published', 'pending', 'rejected')),
    reasons     TEXT    NOT NULL DEFAULT '[]' CHECK (json_valid(reasons) AND json_type(reasons) = 'array'),
    created_at  INTEGER NOT NULL
);
CREATE INDEX decisions_by_comment ON decisions(comment_id, id);
CREATE TRIGGER decisions_no_update BEFORE UPDATE ON decisions
BEGIN SELECT RAISE(ABORT, 'decisions are append-only'); END;
CREATE TRIGGER decisions_no_delete BEFORE DELETE ON decisions
BEGIN SELECT RAISE(ABORT, 'decisions are append-only'); END;

-- What each rule found in a comment when a policy judged it. Spans are offsets in Unicode scalars
-- into the original text of `field`.
CREATE TABLE rule_hits (
    id             INTEGER PRIMARY KEY,
    comment_id     INTEGER NOT NULL REFERENCES comments(id),
    decision_id    INTEGER NOT NULL REFERENCES decisions(id),
    rule_id        TEXT    NOT NULL,
    category       TEXT    NOT NULL,
    action         TEXT    NOT NULL,
    score          REAL    NOT NULL DEFAULT 0,
    field          TEXT    NOT NULL,
    span_start     INTEGER,
    span_end       INTEGER,
    shadow         INTEGER NOT NULL DEFAULT 0 CHECK (shadow IN (0, 1)),
    CHECK ((span_start IS NULL AND span_end IS NULL) OR (0 <= span_start AND span_start <= span_end))
);
CREATE INDEX rule_hits_by_comment ON rule_hits(comment_id);
CREATE INDEX rule_hits_by_rule ON rule_hits(rule_id, comment_id);

CREATE TABLE reports (
    id          INTEGER PRIMARY KEY,
    comment_id  INTEGER NOT NULL REFERENCES comments(id),
    reason      TEXT    NOT NULL CHECK (length(reason) BETWEEN 1 AND 500),
    created_at  INTEGER NOT NULL,
    resolved_at INTEGER
);
CREATE INDEX reports_open_by_comment ON reports(comment_id) WHERE resolved_at IS NULL;
