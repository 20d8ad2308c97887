-- Facing the internet: keyed hashes of client addresses (never the raw address, which UU PDP
-- counts as personal data), one report per client and comment, spam campaigns, and the article
-- brake. Never edit this file once shipped: add a new NNNN_name.sql instead.

-- HMAC-SHA256 (hex prefix) of the submitting client's address (an IPv6 client's /64).
ALTER TABLE comments ADD COLUMN client_hash TEXT CHECK (client_hash IS NULL OR length(client_hash) BETWEEN 1 AND 64);
-- The campaign (near-identical texts from several sources) a comment was found to belong to: the
-- id of the campaign's first comment.
ALTER TABLE comments ADD COLUMN campaign_id INTEGER;
CREATE INDEX comments_by_campaign ON comments(campaign_id, id) WHERE campaign_id IS NOT NULL;

-- A client's repeated reports of one comment count once.
ALTER TABLE reports ADD COLUMN client_hash TEXT CHECK (client_hash IS NULL OR length(client_hash) BETWEEN 1 AND 64);
CREATE UNIQUE INDEX reports_once_per_client ON reports(comment_id, client_hash) WHERE client_hash IS NOT NULL;

-- Under attack an article holds every new comment until this time (milliseconds); NULL: no brake.
ALTER TABLE articles ADD COLUMN brake_until INTEGER;
CREATE INDEX articles_braked ON articles(brake_until) WHERE brake_until IS NOT NULL;
