-- The text as search sees it: U+00A0 and other spaces as spaces, typographic apostrophes as
-- ASCII, a hyphen between letters or digits as a space ("QR-codes" = "QR codes"), letters with
-- marks as plain letters (archive_unmarked: "Čeferin" = "Ceferin"), and a space after a full
-- stop glued to the next sentence's capitalised word (a page's "decrease.Risk", which the parser
-- reads as one host-like token, is two words), and one after an acronym before a capital
-- ("VEB.RF", "NATO.Then"; not "U.S."); the same folding as meetings.derived.search
-- (clean_query, then as_searched) applies to queries; a per cent sign after a number as the word
-- "percent" ("2.5%" = "2.5 percent"), a dollar sign before one as the word "dollars" ("$100" =
-- "dollars 100"), and a plus sign ending a word as the word "plus" ("OPEC+" = "OPEC plus"); and
-- last, American spellings as the British ones (archive_british: "defense" finds "defence" and
-- back). The hyphen rule is
-- applied twice because a match consumes the letter after the hyphen ("a-b-c" needs a second
-- pass). IMMUTABLE, so that it can be used in indexes and generated expressions.
CREATE OR REPLACE FUNCTION archive_search_text(t text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $fn$
  SELECT archive_british(regexp_replace(regexp_replace(regexp_replace(
         regexp_replace(regexp_replace(regexp_replace(regexp_replace(
           translate(archive_unmarked(coalesce(t, '')), U&'\00A0\2007\202F\2019\2018\02BC', U&'   \0027\0027\0027'),
           '([0-9]) ?%', '\1 percent', 'g'),
           '\$ ?([0-9])', ' dollars \1', 'g'),
           '([[:alpha:]])\+(?![[:alnum:]])', '\1 plus', 'g'),
           U&'([[:alnum:]])[-\2010\2011\2012\2013]([[:alnum:]])', '\1 \2', 'g'),
           U&'([[:alnum:]])[-\2010\2011\2012\2013]([[:alnum:]])', '\1 \2', 'g'),
         '([[:lower:]])\.([[:upper:]][[:lower:]])', '\1. \2', 'g'),
         '([[:upper:]][[:upper:]])\.([[:upper:]][[:alpha:]])', '\1. \2', 'g'))
$fn$;
