-- What readers see of each article, as a number every node can check: a node keeps an article's
-- first page in memory and serves it while the article's version is the one it read it at.
-- Any change to a published comment (or to whether one is published) notes its article in the
-- transaction (saring_note_page_change, a transaction-local setting, no lock taken); the store
-- bumps the noted articles' versions as the transaction's last statement, in article order, so
-- transactions bumping the same articles take turns and never deadlock.
CREATE TABLE page_versions (
    article_id TEXT   PRIMARY KEY,
    version    BIGINT NOT NULL CHECK (version >= 1)
);

CREATE FUNCTION saring_note_page_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    article TEXT;
    noted   TEXT;
BEGIN
    -- copy-store writes a whole site at once, which no node is serving yet.
    IF current_setting('saring.copying', true) = 'on' THEN
        RETURN NULL;
    END IF;
    IF TG_OP = 'DELETE' THEN article := OLD.article_id; ELSE article := NEW.article_id; END IF;
    noted := coalesce(current_setting('saring.pages_touched', true), '');
    IF position(E'\n' || article || E'\n' IN E'\n' || noted) = 0 THEN
        PERFORM set_config('saring.pages_touched', noted || article || E'\n', true);
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER comments_published_insert AFTER INSERT ON comments
    FOR EACH ROW WHEN (NEW.status = 'published') EXECUTE FUNCTION saring_note_page_change();

-- What a page shows of a comment: its id, parent, author's name, masked text and time.
CREATE TRIGGER comments_published_update AFTER UPDATE ON comments
    FOR EACH ROW WHEN (
        (OLD.status = 'published' OR NEW.status = 'published') AND (
            OLD.status IS DISTINCT FROM NEW.status OR OLD.published_body IS DISTINCT FROM NEW.published_body
            OR OLD.author_name IS DISTINCT FROM NEW.author_name OR OLD.parent_id IS DISTINCT FROM NEW.parent_id
            OR OLD.created_at IS DISTINCT FROM NEW.created_at OR OLD.article_id IS DISTINCT FROM NEW.article_id))
    EXECUTE FUNCTION saring_note_page_change();

CREATE TRIGGER comments_published_delete AFTER DELETE ON comments
    FOR EACH ROW WHEN (OLD.status = 'published') EXECUTE FUNCTION saring_note_page_change();
