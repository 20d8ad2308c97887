-- Verified authors (the site's own user ids, `user:…`) beside anonymous ones, and address bans
-- that follow a banned anonymous author to the addresses it posted from.
-- Never edit this file once shipped: add a new NNNN_name.sql instead.

-- SQLite cannot change a CHECK in place: the table is rebuilt (the migration runner turns foreign
-- keys off around a migration and checks them before it commits).
CREATE TABLE authors_rebuilt (
    id         INTEGER PRIMARY KEY,
    identity   TEXT    NOT NULL UNIQUE CHECK (
                   identity LIKE 'email:_%' OR identity LIKE 'name:_%' OR identity LIKE 'user:_%'),
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

-- A ban of an anonymous author also bans, for a while, the (hashed) addresses it posted from,
-- so rotating names does not escape it. Verified authors are never refused by address.
CREATE TABLE banned_clients (
    client_hash TEXT    NOT NULL CHECK (length(client_hash) BETWEEN 1 AND 64),
    author_id   INTEGER NOT NULL REFERENCES authors(id),
    created_at  INTEGER NOT NULL,
    expires_at  INTEGER NOT NULL CHECK (expires_at > created_at),
    PRIMARY KEY (client_hash, author_id)
) WITHOUT ROWID;
CREATE INDEX banned_clients_by_author ON banned_clients(author_id);
-- An author's addresses, newest first, for a ban.
CREATE INDEX comments_by_author_client ON comments(author_id, client_hash) WHERE client_hash IS NOT NULL;
