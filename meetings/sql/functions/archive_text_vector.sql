-- The part of a turn's search vector that comes from its text: stemmed words weighted C, exact
-- words weighted D, with the text normalised once rather than once per configuration.
-- PARALLEL SAFE, so the batched ingest can compute it with parallel workers.
CREATE OR REPLACE FUNCTION archive_text_vector(t text) RETURNS tsvector
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
  s text := archive_search_text(t);
BEGIN
  RETURN setweight(to_tsvector('english', s), 'C') || setweight(to_tsvector('simple', s), 'D');
END
$$;
