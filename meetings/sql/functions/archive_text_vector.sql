-- The part of a turn's search vector that comes from its text: stemmed words weighted C, exact
-- words weighted D, with the text normalised once rather than once per configuration.
-- The two are joined with ||, which puts the second after the first: the words as written of a
-- long text would stand past position 16,383, where PostgreSQL keeps none, and a phrase of them
-- would not be found there. A text of more than 16,000 characters (a word and a space take two
-- at least, so it is the only kind that can reach 8,000 words) has its two readings share their
-- positions instead, merged through the vectors' text (which costs more): each word's stem at the
-- word's place and its form one place further, so that a word that is its own stem ("harbour")
-- keeps both weights (the suggestions' vocabulary reads D).
-- PARALLEL SAFE, so the batched ingest can compute it with parallel workers.
CREATE OR REPLACE FUNCTION archive_text_vector(t text) RETURNS tsvector
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
  s text := archive_search_text(t);
BEGIN
  IF length(s) > 16000 THEN
    RETURN (setweight(to_tsvector('english', s), 'C')::text || ' '
            || setweight(ts_delete(to_tsvector('simple', 'archivepad ' || s), 'archivepad'), 'D')::text)::tsvector;
  END IF;
  RETURN setweight(to_tsvector('english', s), 'C') || setweight(to_tsvector('simple', s), 'D');
END
$$;
