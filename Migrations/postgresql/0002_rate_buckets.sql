-- Rate-limit token buckets shared by every node on this database, so a client spread over N
-- nodes gets the limits once, not N times. A row is a bucket that is not full; `full_at` is
-- when it will be full again, after which the row carries nothing and a sweep deletes it.
CREATE TABLE rate_buckets (
    key        TEXT             PRIMARY KEY CHECK (char_length(key) BETWEEN 1 AND 200),
    tokens     DOUBLE PRECISION NOT NULL,
    updated_at BIGINT           NOT NULL,
    full_at    BIGINT           NOT NULL
);
CREATE INDEX rate_buckets_by_full ON rate_buckets(full_at);
