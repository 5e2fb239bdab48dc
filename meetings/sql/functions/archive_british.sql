-- American spellings as the British ones, for search (meetings.core.spelling, which writes
-- this file: python -m meetings.core.spelling > meetings/sql/functions/archive_british.sql).
-- IMMUTABLE, so that it can be used in generated expressions and indexes.
CREATE OR REPLACE FUNCTION archive_british(t text) RETURNS text
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $fn$
DECLARE
  s text := coalesce(t, '');
  l text := lower(s);
BEGIN
  IF strpos(l, 'iz') > 0 THEN
    s := regexp_replace(s, '\m([a-z]{3,})iz(e|es|ed|ing|ation|ations|ational|er|ers|able)\M', '\1is\2', 'gi');
  END IF;
  IF strpos(l, 'yz') > 0 THEN
    s := regexp_replace(s, '\m([a-z]{2,})yz(e|es|ed|ing|er|ers)\M', '\1ys\2', 'gi');
  END IF;
  IF strpos(l, 'defense') > 0 OR strpos(l, 'offense') > 0 OR strpos(l, 'pretense') > 0 THEN
    s := regexp_replace(s, '\m(defen|offen|preten)se(s|less)?\M', '\1ce\2', 'gi');
  END IF;
  IF strpos(l, 'center') > 0 OR strpos(l, 'theater') > 0 OR strpos(l, 'fiber') > 0 OR strpos(l, 'liter') > 0 OR strpos(l, 'caliber') > 0 OR strpos(l, 'specter') > 0 OR strpos(l, 'luster') > 0 OR strpos(l, 'saber') > 0 OR strpos(l, 'meager') > 0 THEN
    s := regexp_replace(s, '\m(cent|theat|fib|lit|calib|spect|lust|sab|meag)er(s)?\M', '\1re\2', 'gi');
  END IF;
  IF strpos(l, 'center') > 0 THEN
    s := regexp_replace(s, '\m(cent)er(ed|ing)\M', '\1r\2', 'gi');
  END IF;
  IF strpos(l, 'labor') > 0 OR strpos(l, 'honor') > 0 OR strpos(l, 'favor') > 0 OR strpos(l, 'color') > 0 OR strpos(l, 'behavior') > 0 OR strpos(l, 'neighbor') > 0 OR strpos(l, 'harbor') > 0 OR strpos(l, 'rumor') > 0 OR strpos(l, 'vigor') > 0 OR strpos(l, 'endeavor') > 0 OR strpos(l, 'flavor') > 0 OR strpos(l, 'humor') > 0 OR strpos(l, 'armor') > 0 OR strpos(l, 'candor') > 0 OR strpos(l, 'odor') > 0 OR strpos(l, 'rigor') > 0 OR strpos(l, 'tumor') > 0 OR strpos(l, 'parlor') > 0 OR strpos(l, 'clamor') > 0 OR strpos(l, 'savior') > 0 OR strpos(l, 'valor') > 0 OR strpos(l, 'vapor') > 0 OR strpos(l, 'splendor') > 0 OR strpos(l, 'ardor') > 0 OR strpos(l, 'fervor') > 0 THEN
    s := regexp_replace(s, '\m(lab|hon|fav|col|behavi|neighb|harb|rum|vig|endeav|flav|hum|arm|cand|od|rig|tum|parl|clam|savi|val|vap|splend|ard|ferv)or(s|ed|ing|able|ably|al|ite|ites|ful|less|er|ers|hood|hoods|ly|ism|ist|ists)?\M', '\1our\2', 'gi');
  END IF;
  IF strpos(l, 'program') > 0 THEN
    s := regexp_replace(s, '\m(program)(s)?\M', '\1me\2', 'gi');
  END IF;
  IF strpos(l, 'dialog') > 0 OR strpos(l, 'catalog') > 0 OR strpos(l, 'analog') > 0 OR strpos(l, 'monolog') > 0 OR strpos(l, 'prolog') > 0 OR strpos(l, 'epilog') > 0 THEN
    s := regexp_replace(s, '\m(dialog|catalog|analog|monolog|prolog|epilog)(s)?\M', '\1ue\2', 'gi');
  END IF;
  IF strpos(l, 'travel') > 0 OR strpos(l, 'cancel') > 0 OR strpos(l, 'model') > 0 OR strpos(l, 'label') > 0 OR strpos(l, 'fuel') > 0 OR strpos(l, 'level') > 0 OR strpos(l, 'signal') > 0 OR strpos(l, 'total') > 0 OR strpos(l, 'counsel') > 0 OR strpos(l, 'channel') > 0 OR strpos(l, 'dial') > 0 OR strpos(l, 'duel') > 0 OR strpos(l, 'jewel') > 0 OR strpos(l, 'marvel') > 0 OR strpos(l, 'pedal') > 0 OR strpos(l, 'quarrel') > 0 OR strpos(l, 'rival') > 0 OR strpos(l, 'tunnel') > 0 OR strpos(l, 'funnel') > 0 OR strpos(l, 'shovel') > 0 OR strpos(l, 'panel') > 0 OR strpos(l, 'barrel') > 0 OR strpos(l, 'equal') > 0 OR strpos(l, 'initial') > 0 THEN
    s := regexp_replace(s, '\m(travel|cancel|model|label|fuel|level|signal|total|counsel|channel|dial|duel|jewel|marvel|pedal|quarrel|rival|tunnel|funnel|shovel|panel|barrel|equal|initial)(ed|ing|er|ers)\M', '\1l\2', 'gi');
  END IF;
  IF strpos(l, 'counselor') > 0 THEN
    s := regexp_replace(s, '\m(counsel)or(s)?\M', '\1lor\2', 'gi');
  END IF;
  IF strpos(l, 'fulfill') > 0 OR strpos(l, 'enroll') > 0 OR strpos(l, 'instill') > 0 OR strpos(l, 'distill') > 0 OR strpos(l, 'enthrall') > 0 THEN
    s := regexp_replace(s, '\m(fulfil|enrol|instil|distil|enthral)l(s|ment|ments)?\M', '\1\2', 'gi');
  END IF;
  IF strpos(l, 'installment') > 0 THEN
    s := regexp_replace(s, '\m(instal)lment(s)?\M', '\1ment\2', 'gi');
  END IF;
  IF strpos(l, 'skillful') > 0 OR strpos(l, 'willful') > 0 THEN
    s := regexp_replace(s, '\m(skil|wil)lful(ly)?\M', '\1ful\2', 'gi');
  END IF;
  IF strpos(l, 'judgment') > 0 OR strpos(l, 'acknowledgment') > 0 OR strpos(l, 'abridgment') > 0 OR strpos(l, 'lodgment') > 0 THEN
    s := regexp_replace(s, '\m(judg|acknowledg|abridg|lodg)ment(s)?\M', '\1ement\2', 'gi');
  END IF;
  IF strpos(l, 'gray') > 0 THEN
    s := regexp_replace(s, '\m(gr)ay(s|er|est|ish|ness)?\M', '\1ey\2', 'gi');
  END IF;
  IF strpos(l, 'aluminum') > 0 THEN
    s := regexp_replace(s, '\m(alumin)um()\M', '\1ium\2', 'gi');
  END IF;
  IF strpos(l, 'jewelry') > 0 THEN
    s := regexp_replace(s, '\m(jewel)ry()\M', '\1lery\2', 'gi');
  END IF;
  IF strpos(l, 'mustache') > 0 THEN
    s := regexp_replace(s, '\m(m)ustache(s)?\M', '\1oustache\2', 'gi');
  END IF;
  IF strpos(l, 'plow') > 0 THEN
    s := regexp_replace(s, '\m(pl)ow(s|ed|ing)?\M', '\1ough\2', 'gi');
  END IF;
  IF strpos(l, 'mold') > 0 THEN
    s := regexp_replace(s, '\m(m)old(s|ed|ing|y)?\M', '\1ould\2', 'gi');
  END IF;
  IF strpos(l, 'pajama') > 0 THEN
    s := regexp_replace(s, '\m(p)ajama(s)?\M', '\1yjama\2', 'gi');
  END IF;
  IF strpos(l, 'cozy') > 0 THEN
    s := regexp_replace(s, '\m(co)zy()\M', '\1sy\2', 'gi');
  END IF;
  IF strpos(l, 'per cent') > 0 THEN
    s := regexp_replace(s, '\m(per) cent()\M', '\1cent\2', 'gi');
  END IF;
  RETURN s;
END
$fn$;
