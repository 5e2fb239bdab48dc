-- The part of a turn's search vector that comes from its text: stemmed words weighted C, exact
-- words weighted D, with the text normalised once rather than once per configuration.
-- The two are joined with ||, which puts the second after the first: the words as written of a
-- long text would stand past position 16,383, where PostgreSQL keeps none, and a phrase of them
-- would not be found there. A text of more than 30,000 characters (some 5,000 words at least, the
-- longest speeches) has its two readings share their positions instead: each word's stem and
-- form at the word's own place (merged through the vectors' text, which costs more).
-- PARALLEL SAFE, so the batched ingest can compute it with parallel workers.
CREATE OR REPLACE FUNCTION archive_text_vector(t text) RETURNS tsvector
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
  s text := archive_search_text(t);
BEGIN
  IF length(s) > 30000 THEN
    RETURN (setweight(to_tsvector('english', s), 'C')::text || ' '
            || setweight(to_tsvector('simple', s), 'D')::text)::tsvector;
  END IF;
  RETURN setweight(to_tsvector('english', s), 'C') || setweight(to_tsvector('simple', s), 'D');
END
$$;
