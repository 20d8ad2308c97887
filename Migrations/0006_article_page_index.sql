-- The public page of an article (`article_id = ? AND status = 'published' AND id > ? ORDER BY id`)
-- was planned on comments_by_status (status = ? AND id > ?): it walked every published comment of
-- every article, so a page slowed down as the whole table grew. An index with both equalities
-- leads the planner to the article's own comments, with or without statistics.
-- Never edit this file once shipped: add a new NNNN_name.sql instead.
CREATE INDEX comments_by_article_status ON comments(article_id, status, id);
DROP INDEX comments_published_by_article;

-- The flagged queue (`status = 'published' AND flagged = 1 ORDER BY id`) was planned on
-- comments_by_status too: every published comment walked to find the flagged few. A partial index
-- with both equalities holds only flagged comments and wins on its own.
CREATE INDEX comments_flagged_queue ON comments(flagged, status, id) WHERE flagged = 1;
DROP INDEX comments_flagged_published;
DROP INDEX comments_flagged;
