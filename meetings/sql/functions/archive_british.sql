-- American spellings as the British ones, for search (meetings.core.spelling, which writes
-- this file: python -m meetings.core.spelling > meetings/sql/functions/archive_british.sql).
-- IMMUTABLE, so that it can be used in generated expressions and indexes.
CREATE OR REPLACE FUNCTION archive_british(t text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $fn$
  SELECT regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(coalesce(t, ''),
    '\m([a-z]{3,})iz(e|es|ed|ing|ation|ations|ational|er|ers|able)\M', '\1is\2', 'gi'),
    '\m([a-z]{2,})yz(e|es|ed|ing|er|ers)\M', '\1ys\2', 'gi'),
    '\m(defen|offen|preten)se(s|less)?\M', '\1ce\2', 'gi'),
    '\m(cent|theat|fib|lit|calib|spect|lust|sab|meag)er(s)?\M', '\1re\2', 'gi'),
    '\m(cent)er(ed|ing)\M', '\1r\2', 'gi'),
    '\m(lab|hon|fav|col|behavi|neighb|harb|rum|vig|endeav|flav|hum|arm|cand|od|rig|tum|parl|clam|savi|val|vap|splend|ard|ferv)or(s|ed|ing|able|ably|al|ite|ites|ful|less|er|ers|hood|hoods|ly|ism|ist|ists)?\M', '\1our\2', 'gi'),
    '\m(program)(s)?\M', '\1me\2', 'gi'),
    '\m(dialog|catalog|analog|monolog|prolog|epilog)(s)?\M', '\1ue\2', 'gi'),
    '\m(travel|cancel|model|label|fuel|level|signal|total|counsel|channel|dial|duel|jewel|marvel|pedal|quarrel|rival|tunnel|funnel|shovel|panel|barrel|equal|initial)(ed|ing|er|ers)\M', '\1l\2', 'gi'),
    '\m(counsel)or(s)?\M', '\1lor\2', 'gi'),
    '\m(fulfil|enrol|instil|distil|enthral)l(s|ment|ments)?\M', '\1\2', 'gi'),
    '\m(instal)lment(s)?\M', '\1ment\2', 'gi'),
    '\m(skil|wil)lful(ly)?\M', '\1ful\2', 'gi'),
    '\m(judg|acknowledg|abridg|lodg)ment(s)?\M', '\1ement\2', 'gi'),
    '\m(gr)ay(s|er|est|ish|ness)?\M', '\1ey\2', 'gi'),
    '\m(alumin)um()\M', '\1ium\2', 'gi'),
    '\m(jewel)ry()\M', '\1lery\2', 'gi'),
    '\m(m)ustache(s)?\M', '\1oustache\2', 'gi'),
    '\m(pl)ow(s|ed|ing)?\M', '\1ough\2', 'gi'),
    '\m(m)old(s|ed|ing|y)?\M', '\1ould\2', 'gi'),
    '\m(p)ajama(s)?\M', '\1yjama\2', 'gi'),
    '\m(co)zy()\M', '\1sy\2', 'gi'),
    '\m(per) cent()\M', '\1cent\2', 'gi')
$fn$;
