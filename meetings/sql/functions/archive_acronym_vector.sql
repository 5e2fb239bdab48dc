-- The words of a text written in capitals that are also small words of English ("US", "IT",
-- "WHO", "START"), each as a lexeme of its own marked with a 0 ("us0"), without a position: a
-- query that writes such a word in capitals asks for it so marked (meetings.derived.search
-- with_acronyms), and so finds the United States and not the pronoun "us". The words, two to
-- five letters: meetings.core.topics.phrases.ACRONYM_WORDS (a test holds the two lists equal).
-- Read from the text as written (a capital is a capital before any folding).
CREATE OR REPLACE FUNCTION archive_acronym_vector(t text) RETURNS tsvector
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $fn$
  SELECT coalesce(array_to_tsvector(array_agg(DISTINCT lower(m[1]) || '0')), ''::tsvector)
  FROM regexp_matches(coalesce(t, ''), '\m([[:upper:]]{2,5})\M', 'g') AS m
  WHERE lower(m[1]) = ANY ('{
    about,above,add,added,adopt,afoot,after,again,ago,agree,all,allow,alone,along,also,am,amid,
    among,an,and,any,apply,are,as,ask,asked,asks,at,away,back,be,been,began,begin,begun,being,below,
    both,bring,build,built,but,by,call,calls,came,can,chose,close,come,comes,could,deal,dealt,did,
    do,does,doing,done,down,dozen,draw,drawn,drew,due,duly,each,eight,else,etc,even,ever,every,fall,
    feel,feels,fell,felt,few,fifth,fifty,find,finds,first,five,focus,for,forty,found,four,from,
    fully,gave,get,gets,give,given,gives,go,goes,going,gone,got,grew,grow,grown,had,half,hard,has,
    have,he,hear,heard,hears,held,help,helps,hence,her,here,hers,him,his,hold,holds,hope,hoped,
    hopes,how,ie,if,in,into,is,it,its,just,keep,keeps,kept,knew,know,known,knows,last,learn,least,
    leave,led,left,less,let,lets,like,live,lived,lives,look,looks,lose,lost,lot,lots,made,make,
    makes,many,may,maybe,me,mean,means,meant,met,might,mine,more,most,move,moved,much,must,my,need,
    needs,never,next,nine,ninth,no,none,noone,nor,not,note,noted,notes,now,of,off,offer,often,on,
    once,one,ones,only,onto,or,other,ought,our,ours,out,over,own,paid,pay,pays,per,plan,point,put,
    puts,quite,raise,ran,read,rise,risen,rose,run,runs,said,same,saw,say,says,see,seem,seems,seen,
    sees,sent,set,sets,seven,shall,share,she,show,shown,shows,shut,since,six,sixth,sixty,so,sold,
    solve,some,soon,speak,spent,spoke,start,still,such,take,taken,takes,talk,talks,tell,tells,ten,
    tenth,than,that,the,their,them,then,there,these,they,think,third,this,those,three,thus,to,today,
    told,too,took,touch,tried,tries,truly,try,turn,twice,two,under,until,up,upon,us,use,used,uses,
    using,very,via,visit,wait,want,wants,was,we,well,went,were,what,when,where,which,while,who,
    whole,whom,whose,why,will,win,wish,with,won,work,works,worry,would,write,wrote,yes,yet,you,your,
    yours,zero
  }'::text[])
$fn$;
