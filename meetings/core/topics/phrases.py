"""Candidate topic phrases of a remark: noun-phrase-like runs of one to four words.

No tagger and no model: a phrase is a run of content words between punctuation and function
words (stop words, pronouns, common verbs, adverbs), normalised for case, plural, U+00A0,
apostrophes and hyphen variants ("QR-codes" and "QR codes" are one phrase). Generic words of
meetings ("issue", "colleagues", "Mr President", "thank you", "this year") are never topics.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from functools import lru_cache

from lemminflect import getAllLemmas, getInflection, getLemma
from wordfreq import zipf_frequency

from meetings.core.letters import MARKED, unmarked

MAX_WORDS = 4

# Titles and words said aloud: no content word, and no acronym even written in capitals ("OK",
# "MR": _content).
SAID_ALOUD = frozenset(
    "mr mrs ms dr sir madam madame okay ok oh eh ah um yeah hello goodbye thanks thank".split()
)

STOP_WORDS = (
    set(
        """
a about above across after again against all almost alone along already also although always am
among an and another any anybody anyone anything anywhere are aren't around as at away back be
became because become becomes been before beforehand behind being below beside besides between
beyond both but by can cannot can't could couldn't did didn't do does doesn't doing don't done
down due during each either else elsewhere enough etc even ever every everybody everyone
everything everywhere except few first for former formerly from further had hadn't has hasn't
have haven't having he he'd he'll he's her here here's hers herself him himself his how however i
i'd i'll i'm i've ie if in indeed instead into is isn't it it's its itself just last latter least
less let let's like likely lot lots made many may maybe me meanwhile might mine more moreover most
mostly much must mustn't my myself namely neither never nevertheless next no nobody none noone
nor not nothing now nowhere of off often on once one ones only onto or other others otherwise ought
our ours ourselves out over own per perhaps please quite rather really same second several shall
she she'd she'll she's should shouldn't since so some somebody somehow someone something sometime
sometimes somewhat somewhere soon still such than that that's the their theirs them themselves then
thence there there's thereafter thereby therefore these they they'd they'll they're they've third
this those though through throughout thus to together too toward towards under unless until up upon
us very via was wasn't we we'd we'll we're we've well were weren't what what's whatever when
whenever where whereas wherever whether which while who who's whoever whole whom whose why will
with within without won't would wouldn't yes yet you you'd you'll you're you've your yours
yourself yourselves
today yesterday tomorrow tonight ago currently recently particularly especially certainly clearly
simply actually basically generally probably possibly absolutely obviously naturally exactly
fully entirely completely totally largely mainly primarily directly immediately finally
firstly secondly thirdly lastly further furthermore additionally accordingly hence thereby
respectively approximately roughly nearly almost virtually literally truly indeed anyway also
once twice ever never always usually normally typically constantly continuously gradually
quickly slowly easily hard highly deeply strongly seriously carefully properly duly
underway afoot
despite amid amidst amongst versus notwithstanding unlike underneath nonetheless whatsoever
whereby wherein herein
""".split()
    )
    | SAID_ALOUD
)

# Verbs and their forms that often stand beside nouns; a phrase never contains them.
VERBS = set(
    """
say says said saying tell tells told telling speak speaks spoke spoken speaking talk talks talked
talking ask asks asked asking answer answered think thinks thought thinking know knows knew known
knowing believe believes believed see sees saw seen seeing look looks looked looking want wants
wanted wanting need needs needed needing get gets got gotten getting give gives gave given giving
take takes took taken taking make makes making go goes went gone going come comes came coming put
puts putting keep keeps kept keeping let lets seem seems seemed become becomes becoming mean means
meant try tries tried trying use uses used using find finds found finding call calls called calling
feel feels felt leave leaves left work works worked working agree agrees agreed agreeing
understand understands understood hope hopes hoped hoping consider considers considered
considering mention mentions mentioned noted note notes raise raises raised raising discuss
discusses discussed discussing address addresses addressed addressing regard regarding regards
concern concerning concerns concerned propose proposes proposed suggest suggests suggested
support supports supported supporting ensure ensures ensured ensuring provide provides provided
providing continue continues continued continuing remain remains remained show shows showed shown
would could should shall will can must may might do does did done is are was were be been being
have has had having hold holds held holding start starts started starting begin begins began
begun bring brings brought set sets run runs ran help helps helped helping pay pays paid turn
turned move moved happen happens happened happening change changed allow allows allowed create
created include includes included including increase increased reduce reduced solve solved
deal dealt focus focused focusing outline outlined describe described describing spoke emphasise
emphasised emphasize emphasized stress stressed add added adding invite invited offer offered
thank thanked welcome welcomed draw drew drawn point pointed touch touched share shared report
reported reporting plan planned expect expected decide decided adopt adopted receive received
remember recall recalled imagine prepare prepared implement implemented develop developed
hear hears heard listen listened wait waited close closed grow grew grown rise rose risen fall fell
fallen live lived lives win lose worry worried explain explained visit visited read write wrote
written learn learned learnt choose chose chosen build builds ask wish wished
built sent shut brought taught sold kept lost met won spent led apologise apologize participate
promote promoted apply applied monitor monitored express expressed operate operated suggestion
reiterate seem seemed guarantee guaranteed fulfil fulfilled achieve achieved succeed succeeded
""".split()
)

# Words of a figure ("19.5 percent", "a thousand-year"): of the meeting alone (GENERIC), and a
# phrase that opens with one names no subject of its own (subjects.is_subject).
FIGURE_WORDS = frozenset("percent billion million thousand hundred dozen".split())
# Words and phrases of the meeting itself, never a topic.
GENERIC = (
    set(
        """
issue issues question questions problem problems matter matters thing things way ways time times
year years month months week weeks day days today colleague colleagues friend friends
ladies gentlemen lady gentleman dear president mr_president minister chair chairman chairperson afternoon morning
evening lot lots part parts point points number numbers fact facts case cases example examples
course kind kinds sort sorts level levels area areas side sides place places result results
situation situations opportunity opportunities attention meeting meetings discussion discussions
work job task tasks proposal proposals decision decisions idea ideas view views opinion opinions
word words floor instruction instructions moment end beginning start step steps stage stages
rubles roubles euros dollars people person persons
citizen citizens resident residents resource resources achievement achievements
objective objectives mechanism mechanisms procedure procedures obligation obligations
recommendation recommendations participation format formats difficulty difficulties
commitment commitments contribution contributions
everybody everyone country countries russia government state today's now yesterday's years'
side effort efforts approach approaches process processes system systems measure measures
question answer remark remarks report reports speech address interview conference session
agenda item items list lists detail details aspect aspects term terms regard respect basis
sense reason reasons purpose goal goals priority priorities subject subjects topic topics thanks
direction directions position positions support help option options possibility possibilities
practice practices experience sphere field fields principle principles condition conditions
partner partners success successes congratulation congratulations luck wish wishes gratitude
pleasure honour honor greeting greetings regards impression impressions comment comments plan plans
hand hands mind bit ahead holiday holidays occasion anniversary birthday applause laughter
repeat push meet world worlds honour behalf name names heart hearts joke jokes
audience audiences participant participants moderator moderators
""".split()
    )
    | FIGURE_WORDS
)
GENERIC_PHRASES = {
    # stock phrases of praise and of degree ("working at full capacity", "in full swing", "to a
    # large extent", "a record amount"): how much, not what
    "full capacity",
    "full swing",
    "full potential",
    "full compliance",
    "large extent",
    "high praise",
    "high assessment",
    "record amount",
    "record level",
    "thank you",
    "mr president",
    "madam president",
    "this year",
    "last year",
    "next year",
    "a lot",
    "first of all",
    "of course",
    "dear colleagues",
    "good afternoon",
    "good morning",
    "good evening",
    "human being",
    "whole country",
    "russian federation",
    "same time",
    "long time",
    "great deal",
    "certain extent",
    "other words",
    "go ahead",
    "let us",
    "all right",
    "very much",
    "right now",
    "each other",
    "one another",
    "first time",
    "next step",
    "main thing",
    "important thing",
    "recent years",
    "coming years",
    "past years",
    "prime minister",
    "deputy prime minister",
    "executive office",
    "presidential executive office",
    # Courtesies: what is said to people, not about something.
    "good luck",
    "best wish",
    "best regard",
    "warm wish",
    "happy new year",
    "happy new",
    "new year greeting",
    "happy holiday",
    "happy birthday",
    "little bit",
    "great honour",
    "great pleasure",
    "good health",
    "good day",
    "good night",
}

# Adjectives: never a topic on their own, never the last word of one ("personal data" yes,
# "foreign" or "data personal" no).
ADJECTIVES = set(
    """
important necessary possible impossible foreign russian personal sure official federal national
regional local public social new old good bad great big small large high low main major key
certain different special serious difficult hard easy real whole full free open current modern
general common specific particular various entire own additional relevant appropriate significant
sensitive human civil international economic political legal financial required regardless
available responsible ready able clear obvious simple long short early late recent future past
present previous following latest final overall global internal external domestic united total
basic effective efficient strong weak young senior junior little best better worse worst right
wrong true false fair unfair huge enormous tremendous considerable substantial serious crucial
essential fundamental critical urgent acute positive negative active passive direct indirect
relevant interesting useful helpful successful fine nice wonderful excellent terrible awful
proper correct normal usual unusual similar separate concrete practical technical complex
comprehensive systematic constructive professional individual collective joint mutual
corresponding respective appropriate adequate sufficient insufficient necessary unacceptable
acceptable reasonable possible likely unlikely difficult complicated simple ordinary extra
numerous multiple single double various several entire particular specific general unique
glad honest happy sad afraid aware grateful pleased proud sorry ready willing unable dear
""".split()
)

# A word; "Mr" written against the name it goes before ("MrValdor", a page's slip) is a word of
# its own, as if the space were there.
_WORD = re.compile(r"(?:Mrs?|Ms)(?=[A-Z][a-z])|[A-Za-z][A-Za-z'’\-]*[A-Za-z]|[A-Za-z]")
_HYPHENS = "\u2010\u2011\u2012\u2013\u2014\u2212\u00ad"
_BREAK = re.compile(r"[.,;:!?()\[\]{}\"“”«»„…/<>|]|\s[-–—]\s|\d")


def plain_characters(text: str, *, marks: bool = False) -> str:
    """U+00A0, typographic apostrophes, hyphen variants and Latin letters with marks ("é", "ü",
    "Č", "ł") as plain characters, one for one (a span of the result is the same span of `text`):
    "détente" is one word to the extractor, read as "detente", not "d" and "tente". With `marks`,
    the letters keep theirs (to show a span found in the plain text as written)."""
    if text.isascii():
        return text
    for a, b in _PLAIN:
        if a in text:
            text = text.replace(a, b)
    return text if marks else unmarked(text)


_PLAIN = [("\u00a0", " "), ("’", "'"), ("‘", "'"), *((h, "-") for h in _HYPHENS)]


def normalise(text: str, *, marks: bool = False) -> str:
    """plain_characters; "St." before a name as "St" (the full stop would end the name: "St.
    Petersburg")."""
    text = plain_characters(text, marks=marks)
    if "St." in text:
        text = _SAINT_STOP.sub("St", text)
    return text


_SAINT_STOP = re.compile(r"\bSt\.(?= [A-Z])")
_SAINT_NAME = re.compile(r"\bSt (?=[A-Z])")


@lru_cache(maxsize=65536)
def singular(word: str) -> str:
    """The English singular of the last word of a phrase: codes->code, policies->policy,
    crises->crisis, women->woman. lemminflect's noun lemma (it ships its tables: no download),
    chosen by measurement over the hand rule it replaces (98 of 102 test plurals right against 52;
    simplemma 92; see docs/topics-rounds.md). Words ending in -ss/-us/-is/-ics keep the cautious rule:
    lemminflect would make "Paris" a "pari". A possessive is the singular of its word. A word the
    dictionary knows only as an adverb or adjective is no plural ("nowadays", "overseas"). A plural
    it does not know, which its rule reads as "churches", keeps the "e" where general English
    (wordfreq) writes that singular more often: "cliches" is "cliche", "tranches" "tranche"."""
    w = word
    if w.endswith("'s"):
        return singular(w[:-2])  # "children's" is "child", as "children" is
    if len(w) <= 3 or w.endswith(("ss", "us", "is", "ics")):
        return w
    if not w.isalpha() or (not w.endswith(("s", "men")) and w not in _IRREGULAR_PLURALS):
        return _hand_singular(w)
    known = parts_of_speech(w)
    if known and not known & _INFLECTED:
        return w  # an adverb or adjective ending in s: "nowadays", "overseas"
    if "VERB" in known and "NOUN" not in known:
        # A verb's third person, no plural: "comprises" is "comprise" (the noun rule guesses
        # "comprisis", as for "crises").
        lemma = getLemma(w, upos="VERB")
        return lemma[0].lower() if lemma and lemma[0] else _hand_singular(w)
    lemma = getLemma(w, upos="NOUN")
    guess = lemma[0].lower() if lemma and lemma[0] else _hand_singular(w)
    if not known and guess == w[:-2] and zipf_frequency(w[:-1], "en") > zipf_frequency(guess, "en"):
        return w[:-1]
    return guess


_INFLECTED = frozenset(("NOUN", "VERB"))  # the parts of speech that end in a plural's or a verb's s
# Plurals without a final s that lemminflect knows, besides those in -men ("fishermen"); the
# others are left as they are.
_IRREGULAR_PLURALS = frozenset("men women children people feet teeth mice geese criteria phenomena".split())


def _hand_singular(w: str) -> str:
    """The rule used before lemminflect, for what it does not know."""
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith(("ches", "shes", "xes", "sses", "zes")):
        return w[:-2]
    if w.endswith("s") and not w.endswith(("ous", "ss")):
        return w[:-1]
    return w


def word_runs(words: list[str], longest: int | None = None) -> set[str]:
    """The runs of whole words of `words` as phrases, of at most `longest` words (all of them:
    the whole too)."""
    n = len(words)
    most = n if longest is None else longest
    return {" ".join(words[i:j]) for i in range(n) for j in range(i + 1, min(n, i + most) + 1)}


def phrase_key(words: list[str]) -> str:
    """Lower case, hyphen parts as words ("QR-codes" = "QR codes"), last word singular."""
    parts: list[str] = []
    for w in words:
        parts.extend(p for p in w.lower().replace("'", "'").split("-") if p)
    if not parts:
        return ""
    parts[-1] = singular(parts[-1])
    return " ".join(parts)


NUMBER_WORDS = set(
    """
zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen
sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety
hundred thousand million billion trillion half quarter dozen first second third fourth fifth
sixth seventh eighth ninth tenth twice
""".split()
)
# -ing and -ed words that are nouns people raise; other -ing/-ed words are verb forms.
ING_ED_NOUNS = set(
    """
housing funding building buildings meeting training planning spending bullying lending voting
smoking trafficking dumping landing pricing financing schooling parking shipping mining farming
banking fishing logging hearing hearings sentencing policing warning warnings heating cooling
clothing bleeding drinking gambling fencing learning reading writing counselling screening
testing monitoring broadcasting recycling shelling fighting bombing killing killings kidnapping
offending reoffending wellbeing well-being understanding spelling booking ruling rulings
crossing crossings opening openings setting settings feeling beings polling
broadcast wording proceedings dealings findings earnings savings surroundings
processing manufacturing engineering marketing advertising accounting welding drilling refining
laundering poaching breeding harvesting nursing restructuring refinancing co-financing packaging
publishing flooding poisoning doping decision-making law-making policy-making peacekeeping
purchasing teaching clearing ranking retraining rebuilding rating curling mentoring sorting swimming
shopping programming trading lighting sailing editing leasing distancing prospecting
""".split()
)
LY_NOUNS = {
    "family",
    "italy",
    "assembly",
    "supply",
    "monopoly",
    "july",
    "rally",
    "ally",
    "anomaly",
    "reply",
    "ugly",
    "belly",
    "bully",
    "jelly",
    "lily",
    "sicily",
    "apply",
    "daily",
    "weekly",
    "quarterly",
    "elderly",
    "fly",
    "butterfly",
}


# Stop words, verbs and number words: no word of a phrase unless written as an acronym.
_FUNCTION_VOCABULARY = frozenset(STOP_WORDS) | VERBS | NUMBER_WORDS


def small_word(word: str) -> bool:
    """A stop word, verb or number word not written as an acronym, or a word of fewer than three
    letters not in capitals: no word of a phrase ("us", "it", "who"; in capitals an acronym: "the
    US", "IT companies", "the WHO", "New START"; "St Petersburg" has its "St")."""
    low = word.lower()
    if low in _FUNCTION_VOCABULARY:
        return not (len(word) > 1 and word.isupper() and low not in SAID_ALOUD)
    return len(low) < 3 and not word.isupper() and word != "St"


# The small words that, written in capitals and no longer than an acronym usually is, are one
# ("US", "IT", "WHO", "START"): what search tells from the word in small letters (the SQL function
# archive_acronym_vector holds the same list; a test holds them equal).
ACRONYM_WORDS = frozenset(
    w for w in _FUNCTION_VOCABULARY if w.isalpha() and 2 <= len(w) <= 5 and w not in SAID_ALOUD
)


def _content(word: str) -> bool:
    if small_word(word):
        return False
    low = word.lower()
    if low in _FUNCTION_VOCABULARY:
        return True  # an acronym
    if low.endswith("ly") and len(low) > 4 and low not in LY_NOUNS:
        return False
    return not (_verb_form(low) and not word[:1].isupper())


_ING_ED = ("ing", "ed")


def _verb_form(low: str) -> bool:
    """An -ing or -ed word read as a verb form, not a noun people raise (ING_ED_NOUNS): any but a
    noun the dictionary knows as no form of another verb ("spring", "speed", "ceiling",
    "shipbuilding"). A hyphenated word is a noun when its last part is one of ING_ED_NOUNS
    ("anti-doping", "machine-building")."""
    if not low.endswith(_ING_ED) or len(low) <= 4 or low in ING_ED_NOUNS:
        return False
    if "-" in low:  # a hyphenated word: a noun only by ING_ED_NOUNS ("left-wing" is none)
        return low[low.rindex("-") + 1 :] not in ING_ED_NOUNS
    return _inflected_verb(low)


@lru_cache(maxsize=65536)
def _inflected_verb(word: str) -> bool:
    """Is the (lower-case) -ing or -ed word read as a verb form: unless the dictionary knows it as
    a noun, as no adjective ("beloved", "incoming") and as no form of another verb ("spring" and
    "speed" are verbs of their own)?"""
    lemmas = getAllLemmas(word)
    verb = lemmas.get("VERB")
    return "NOUN" not in lemmas or "ADJ" in lemmas or (bool(verb) and verb[0] != word)


def candidates(text: str, exclude: set[str] | frozenset[str] = frozenset()) -> Counter:
    """Phrase key -> count, for phrases of one to four content words. A run of them ends before a
    verb that opens its object ("the system plays an important role": OBJECT_DETERMINERS).

    `exclude` holds lower-case words never to use (the names of the people present).
    A label for display is kept separately by `labels_for`.
    """
    # One scan yields the words and, as "", the breaks between chunks (see _TOKEN); a run of
    # content words ends at a break or at any other word. `_emit` is the plain reference.
    counts: dict[str, int] = {}
    get = counts.get
    run: list[tuple] = []
    append = run.append
    info_of = _WORD_INFO.get
    missing = _MISSING
    plain = normalise(text)
    if "St " in plain:  # "St" and its name as one word of the phrase's MAX_WORDS
        plain = _SAINT_NAME.sub("St-", plain)
    plain = IDIOMS.sub(",", plain)
    kind_of = _CUE_KINDS.get
    kind = before = 0  # the cue kind (_CUE_KINDS) of the word before, and of the word before the run
    governed = opened_by = False  # after a preposition (and determiners): now, and for the run
    opened_new = False  # the run opens with "new" or "New"
    for w in _TOKEN.findall(plain):
        if w:
            found = info_of(w, missing)
            info = _word_info(w) if found is missing else found
            if info is not None and (not exclude or (info[0] not in exclude and info[1] not in exclude)):
                if not run:
                    opened_by, before, governed = governed, kind, False
                    opened_new = w in _DATING_OPENERS
                elif opened_new and len(run) == 1 and w[0].islower():
                    # "new school buses", "New hospitals were opened": "new" before a word in lower
                    # case only dates it ("New Year", "the new START treaty" are names)
                    run.clear()  # (what opened the run still governs it: "after new floods")
                    opened_new = False
                append(info)
                continue
            kind = kind_of(w, 0)
            if (
                kind == _OBJECT
                and run
                and not opened_by
                and (len(run) > 1 or before < _OBJECT)
                and run[-1][_VERB_AS_WRITTEN]
            ):
                run.pop()  # "the system plays an important role": "plays" is what it does
            governed = kind == _PREPOSITION or (governed and kind >= _OBJECT)
        else:
            kind, governed = 0, False
        if run:
            if len(run) == 1:  # most runs: one word, a key unless adjective or generic
                info = run[0]
                if not (info[2] or info[5]):
                    key = info[4]
                    counts[key] = get(key, 0) + 1
            else:
                _emit_fast(run, counts)
            run.clear()
    if run:
        _emit_fast(run, counts)
    return Counter(counts)


# Words that open a verb's object ("plays an important role", "marks its anniversary", "laid a
# wreath"): a noun is rarely followed by one without a break, a verb often is; unless the noun is
# a preposition's ("after the spring floods the speed rose"). "This", "that", "these" and "those"
# are not among them: they also open a time ("projects this year").
OBJECT_DETERMINERS = frozenset("a an the its their our his her my your".split())
DETERMINERS = OBJECT_DETERMINERS | frozenset("this that these those every each no any some".split())
PREPOSITIONS = frozenset(
    """of in for on with about from by into after before during at under over through since until
    between among across against without within near towards toward upon like than per via amid
    despite throughout beyond behind below above along around""".split()
)
# Each of them as written (lower case, capitalised, in capitals) -> its kind, read in one lookup.
_PREPOSITION, _OBJECT, _DETERMINER = 1, 2, 3
_CUE_KINDS = {
    form: kind
    for words, kind in (
        (PREPOSITIONS, _PREPOSITION),
        (DETERMINERS - OBJECT_DETERMINERS, _DETERMINER),
        (OBJECT_DETERMINERS, _OBJECT),
    )
    for word in words
    for form in (word, word.capitalize(), word.upper())
}
_VERB_AS_WRITTEN = 11  # the place of "a verb as written" in a word's info (_word_info)


def longest_keys(text: str) -> set[str]:
    """The phrase keys of `text` that are not inside a longer one of it ("natural resources" ->
    "natural resource", not "resource"): what a short text such as a minister's portfolio names."""
    keys = set(candidates(text))
    return {k for k in keys if not any(k != o and f" {k} " in f" {o} " for o in keys)}


# A word, or (group empty) a break: the same runs as splitting at _BREAK and finding _WORD in
# each chunk, since no break contains a letter and no word contains a break's first character.
_TOKEN = re.compile("(?:" + _BREAK.pattern + ")|(" + _WORD.pattern + ")")
# Prepositions, connectives and idioms of several words whose noun names nothing ("in addition",
# "in order to", "for instance", "in charge of", "in light of", "for the benefit of", "on behalf
# of", "in terms of", "on the sidelines of", "in the framework of", "down to earth"), and set
# phrases ("on the contrary", "de facto", "thank God", "do our utmost", "state of affairs"): read as
# a break, like a comma, so "addition" or "order" is no candidate there ("executive order" still is).
IDIOMS = re.compile(
    r"\b(?:in (?:addition|order to|spite of|favou?r of|line with|charge of|connection with|response to"
    r"|return|the course of|the event of|the interests? of|the (?:field|sphere|light) of|light of"
    r"|the name of|terms of|the (?:framework|context|presence|spirit) of)"
    r"|for (?:instance|the (?:benefit|sake|good) of)|to the benefit of|on behalf of|within the framework of"
    r"|on the (?:one hand|part of|sidelines of|occasion of|eve of|contrary)|by and large|at the expense of"
    r"|down to earth|with regard to|de (?:facto|jure)|thank god|god (?:willing|forbid)|for god's sake"
    r"|(?:do|does|did|done|doing) (?:our|my|his|her|their|your|its|one's|the) utmost|state of affairs"
    r"|of (?:the )?utmost (?:importance|significance)|contrary to|may god|god bless)\b",
    re.IGNORECASE,
)  # grouped by first word: a third of the time of a flat list of alternatives
_MISSING: tuple = ("<not yet looked up>",)  # a sentinel of the cache's own type
_WORD_INFO: dict[str, tuple | None] = {}
_WORD_INFO_MAX = 200_000


def _cached_info(word: str) -> tuple | None:
    """_word_info, from its memo when the word was met before (candidates reads the memo inline)."""
    found = _WORD_INFO.get(word, _MISSING)
    return _word_info(word) if found is _MISSING else found


def _generic_part(p: str) -> bool:
    return p in GENERIC or singular(p) in GENERIC


def _word_info(word: str) -> tuple | None:
    """What phrase building needs of one word (memoised), or None for a word that is not content:
    (lower, lower without final s's, is an adjective, its key parts joined inside a phrase, joined
    at the end of a phrase (last part singular), generic alone, every part generic inside a
    phrase, every part generic at the end, first part in GENERIC, last part (singular) in GENERIC,
    possessive, a verb as written: in lower case, its last part a verb to the dictionary, so that
    one right before its object ends a run: `candidates`).

    A word of _WORD starts with a letter, so it has at least one key part."""
    if _content(word):
        low = word.lower()
        parts = [p for p in low.split("-") if p]
        last = singular(parts[-1])
        at_end = " ".join([*parts[:-1], last])
        info = (
            low,
            low.rstrip("s"),
            _adjective(low, parts),
            " ".join(parts),
            at_end,
            _generic(at_end),
            all(_generic_part(p) for p in parts),
            all(_generic_part(p) for p in parts[:-1]) and _generic_part(last),
            parts[0] in GENERIC,
            last in GENERIC,
            _possessive(low),
            # (a name is no verb: "Peter the Great", "the United States a")
            low == word and "VERB" in parts_of_speech(parts[-1]),
        )
    else:
        info = None
    if len(_WORD_INFO) >= _WORD_INFO_MAX:
        _WORD_INFO.clear()
    _WORD_INFO[word] = info
    return info


def _emit_fast(run: list[tuple], counts: dict[str, int]) -> None:
    """`_emit` over word infos: the same keys, counted in the same order (by size, then position)."""
    n = len(run)
    get = counts.get
    for info in run:
        if info[2] or info[5]:
            continue
        key = info[4]
        counts[key] = get(key, 0) + 1
    for size in range(2, min(n, MAX_WORDS) + 1):
        for i in range(n - size + 1):
            last = run[i + size - 1]
            if last[2] or run[i][10]:  # ends with an adjective, starts with a possessive
                continue
            inner = run[i : i + size - 1]
            if last[9] and inner[0][8]:
                continue  # _generic: first and last part generic
            key = " ".join([x[3] for x in inner]) + " " + last[4]
            if key in GENERIC_PHRASES or (last[7] and all(x[6] for x in inner)):
                continue
            counts[key] = get(key, 0) + 1


def _emit(run: list[str], counts: Counter) -> None:
    n = len(run)
    for size in range(1, MAX_WORDS + 1):
        for i in range(n - size + 1):
            words = run[i : i + size]
            last = words[-1].lower()
            if _adjective(last, [p for p in last.split("-") if p]):
                continue
            if size > 1 and _possessive(words[0]):
                continue  # "Russia's energy", "today's economy": whose, not what ("energy" is counted)
            key = phrase_key(words)
            if not key or _generic(key):
                continue
            counts[key] += 1


def _adjective(low: str, parts: list[str]) -> bool:
    """An adjective, or a hyphenated modifier that starts or ends with one ("large-scale",
    "high-tech", "long-term", "Chinese-Russian") or ends with a past participle ("well-known",
    "Russian-made", "centre-left"): never a topic alone, never the last word of one
    ("large-scale projects", "Chinese-Russian relations" are)."""
    return low in ADJECTIVES or (
        len(parts) > 1 and (parts[0] in ADJECTIVES or parts[-1] in ADJECTIVES or _past_participle(parts[-1]))
    )


@lru_cache(maxsize=65536)
def _past_participle(word: str) -> bool:
    """A verb form other than the verb itself, not an -ing form nor a plural ("known", "made",
    "left"; not "being", "rays", "up")."""
    verb = getAllLemmas(word).get("VERB")
    return bool(verb) and verb[0] != word and not word.endswith(("ing", "s"))


# "new" before a word in lower case only dates it: "new school buses" are school buses, "new
# textbooks" textbooks ("new school", of "new school buses" and "new school year", had been a
# topic).
_DATING_OPENERS = frozenset({"new", "New"})


def _possessive(word: str) -> bool:
    """ "Russia's", "Zuyev's": a phrase does not start with one ("Democratic People's Republic"
    keeps it inside)."""
    return word.lower().endswith("'s")


# Names readers know by two letters (general knowledge, as subjects.DEMONYMS), the only keys of
# two letters; read only where written in capitals (_content). subjects.variants shows each under
# its name where the archive writes it ("the UN" is the United Nations, "AI" artificial
# intelligence).
TWO_LETTER_NAMES = {
    "us": "united state", "uk": "united kingdom", "eu": "european union", "un": "united nation",
    "ai": "artificial intelligence", "it": "information technology", "tv": "television",
}  # fmt: skip


def _generic(key: str) -> bool:
    if key in GENERIC_PHRASES:
        return True
    parts = key.split(" ")
    if len(parts) == 1:
        # Two letters tell too little ("MW", "II"), but for a name readers know by them.
        return key in GENERIC or singular(key) in GENERIC or (len(key) < 3 and key not in TWO_LETTER_NAMES)
    # A phrase made only of generic words ("state system") says nothing.
    return all(p in GENERIC or singular(p) in GENERIC for p in parts) or (
        parts[0] in GENERIC and parts[-1] in GENERIC
    )


# Words that join the capitalised words of a name: "Belt and Road", "Bank of Russia", "Agency for
# Strategic Initiatives", "Defender of the Fatherland Day" ("the" only after "of" or "for"). The
# extractor's runs stop at them; name_phrases counts the names whole. A key holding one is a name.
NAME_JOINERS = frozenset("and of for".split())
NAME_LINKS = NAME_JOINERS | {"the"}  # the words of a name key that are no word of its own
_LINKS = "(?:(?:" + "|".join(sorted(NAME_LINKS)) + ") )*"  # any of them, each before a space
# "Eurasian Economic Union (EAEU)": a name written out and its acronym in brackets. The words of
# the name may be joined by NAME_LINKS ("Union of Quay Workers (UQW)"), which have no letter of
# the acronym.
_SPELLED_OUT = re.compile(r"((?:[A-Z][A-Za-z]+[ -]" + _LINKS + r"){1,6})\(([A-Z]{2,6})\)")
# "liquefied natural gas (LNG)" and "LNG (liquefied natural gas)": a phrase in small letters and
# its acronym in brackets, either way round.
_PHRASE_THEN_ACRONYM = re.compile(r"\b((?:[a-z]+[ -]){1,5}[a-z]+) \(([A-Z]{2,6})\)")
_ACRONYM_THEN_PHRASE = re.compile(r"\b([A-Z]{2,6}) \(((?:[a-z]+[ -]){1,5}[a-z]+)\)")
# An acronym that is also an English word this common is read as the word ("GAS", "MET").
ACRONYM_AS_WORD_ZIPF = 4.5
# A phrase key that says two keys are one subject ("eaeu=eurasian economic union"), stored with a
# remark's phrases and read by subjects.variants; never a topic itself.
ALIAS = "="


def _spelled_in_small_letters(acronym: str, phrase: str, whole: bool) -> str | None:
    """The alias key of an acronym and the phrase in small letters a bracket pairs it with: the
    phrase's last words (all of them, if `whole`), one per letter, none a stop word or verb
    ("trade in liquefied natural gas (LNG)": "lng=liquefied natural gas"); None if they do not
    fit, or if the acronym is also a common English word (read as that word, it would gather the
    word's remarks)."""
    words = phrase.replace("-", " ").split()
    if len(words) < len(acronym) or (whole and len(words) > len(acronym)):
        return None
    words = words[len(words) - len(acronym) :]
    low = acronym.lower()
    if (
        "".join(w[0] for w in words) != low
        or any(w in _FUNCTION_VOCABULARY for w in words)
        or (getAllLemmas(low) and zipf_frequency(low, "en") >= ACRONYM_AS_WORD_ZIPF)
    ):
        return None
    return low + ALIAS + phrase_key(words)


def acronym_aliases(text: str) -> list[str]:
    """The alias keys of the acronyms `text` spells out: "Shanghai Cooperation Organisation (SCO)"
    gives "sco=shanghai cooperation organisation"; a phrase in small letters beside its acronym in
    brackets, either way round, too (_spelled_in_small_letters). The words before the bracket are the capitalised
    run that ends there, cut from the left until its first initial is the acronym's and it has no
    more words than the acronym has letters ("The Eurasian Economic Union (EAEU)", "Talakhovskaya
    Thermal Power Plant (TPP)"); its last initial must be the acronym's too; a name longer than a
    phrase can be (MAX_WORDS) is left out. And, once each, an acronym of three or more letters
    (ACRONYM_LETTERS) written anywhere in the text with a run of capitalised words whose initials
    it is ("the Mayakovskaya Thermal Power Plant ... the TPP"): two letters are too few to tell
    ("US" is also "Union State"). The words that join a name (NAME_LINKS: "Union of Quay Workers
    (UQW)", "the Agency for Strategic Initiatives ... the ASI") have no letter and count as no
    word."""
    out: list[str] = []
    plain = normalise(text)
    if "(" in plain:  # (the pattern is slow to fail at every capital)
        for m in _SPELLED_OUT.finditer(plain):
            acronym = m.group(2)
            words = m.group(1).replace("-", " ").split()
            while words and (
                words[0] in NAME_LINKS
                or words[0][0] != acronym[0]
                or len(_initials(" ".join(words))) > len(acronym)
            ):
                words = words[1:]
            initials = _initials(" ".join(words))  # (the joiners have none)
            if 2 <= len(initials) <= min(MAX_WORDS, len(acronym)) and initials[-1] == acronym[-1]:
                out.append(acronym.lower() + ALIAS + phrase_key(words))
        # (acronym, phrase, whether the phrase is all its letters): before the bracket, its last
        # words; in the bracket, all of them.
        pairs = [(m.group(2), m.group(1), False) for m in _PHRASE_THEN_ACRONYM.finditer(plain)]
        pairs += [(m.group(1), m.group(2), True) for m in _ACRONYM_THEN_PHRASE.finditer(plain)]
        for acronym, phrase, whole in pairs:
            if (alias := _spelled_in_small_letters(acronym, phrase, whole)) and alias not in out:
                out.append(alias)
    acronyms = set(_ACRONYM.findall(plain))
    if acronyms:
        found: set[str] = set()
        for run in _TITLE_CASE_RUN.findall(plain):
            words = re.split(r"[ -]", run)
            for i in range(len(words)):
                if words[i] in NAME_LINKS:
                    continue
                for j in range(i + 2, len(words) + 1):
                    if words[j - 1] in NAME_LINKS:
                        continue
                    initials = _initials(" ".join(words[i:j]))
                    if len(initials) > MAX_WORDS:
                        break
                    if initials in acronyms:
                        found.add(initials.lower() + ALIAS + phrase_key(words[i:j]))
        out.extend(sorted(found.difference(out)))  # (one spelled out in brackets is counted there)
    return out


ACRONYM_LETTERS = 3
_ACRONYM = re.compile(rf"\b([A-Z]{{{ACRONYM_LETTERS},6}})(?:s|'s)?\b")
_TITLE_CASE_RUN = re.compile(r"\b[A-Z][a-z][A-Za-z']*(?:[ -]" + _LINKS + r"[A-Z][a-z][A-Za-z']*)+")


# A key that counts a remark's uses of a word read as a verb ("^preserve": "we must preserve",
# "to finish"), stored with its phrases and read by subjects.variants; never a topic itself.
VERB_USE = "^"
# Words after which a word the dictionary knows as a verb is used as one: the infinitive's "to",
# modals, subject pronouns and the "us" of "let us".
VERB_CUES = frozenset("to will would can could must should shall may might cannot we i they you us".split())
# A key that counts a remark's uses, as a noun of its own, of a word the dictionary knows as an
# adjective or adverb too ("+military": "the military", "Republicans"), stored and read like the
# verb-use keys. A word the archive (almost) never uses so is an adjective ("stable", "closer",
# "industrial"): subjects.adjectives. Also a word the dictionary knows only as a verb, written as
# the end of a name ("+mainline": "the Baikal-Amur Mainline"): subjects.named_words.
NOUN_USE = "+"
# A word is used as a noun of its own in the plural, or after one of these (a determiner or a
# preposition) when nothing of a phrase follows: a break or one of NOUN_ENDS ("the military and",
# "of oil.", not "the stable growth").
NOUN_CUES = frozenset(
    """the a an this that these those our their its his her my your every each no any some of in
    for on with about from by into""".split()
)
NOUN_ENDS = frozenset(
    """and or but than in on at for to with as that because if when of is are was were will would
    has have had can could should must which who""".split()
)
# A key that counts a remark's uses of an -ing or -ed word that is no word of a phrase (mostly a
# verb form: _content), "~rolling", and, when a noun follows (after at most one adjective), of the
# words together, "~rolling~stock", "~liquefied~natural gas" (PARTICIPLE again after the
# participle's own words: "~state owned~company"); stored and read like the verb-use keys. A
# participle the archive uses mostly before one noun names a subject with it ("rolling stock",
# "dilapidated housing", "nursing homes"): subjects.participle_names.
PARTICIPLE = "~"
# A key that counts a remark's uses of a lower-case word the dictionary does not know ("archival",
# "hypersonic", "heavy-lift") right before another word, whatever that word ("%archival": "archival
# documents", and "archival work", whose phrase is no key): stored and read like the verb-use
# keys, the parts of a hyphenated word joined by "-" ("%heavy-lift"), so that no use key holds a
# space as a phrase's key does. A word used so (nearly) always qualifies the next and names
# nothing alone: subjects.modifiers.
QUALIFIER_USE = "%"
# A key that counts a remark's uses of a noun of the dictionary written as a word of a name:
# capitalised inside a sentence, right beside another capitalised word ("!match": "Match TV";
# "!boulevard": "Gogolevsky Boulevard"), stored with the phrases; read by scoring.score (a word a
# person says only inside names is no subject of theirs) and dropped as the other use keys are.
NAME_USE = "!"
# A key that counts a remark's uses of such a noun capitalised on its own inside a sentence ("*perm":
# "in Perm"; "*china": "with China"): a word the archive writes so more often than in lower case is
# a name to it, whatever the dictionary says ("perm", "china" are nouns there); scoring.score
# reads the share over the archive. And of a word the dictionary knows as an adjective and no
# noun, capitalised on its own inside a sentence at the end of its phrase ("*arctic": "in the
# Arctic."): a noun of the archive if it is written so often enough (subjects.named_words).
CAPITAL_USE = "*"
# A key that counts a remark's uses of such a noun capitalised on its own right after "the",
# inside a sentence, at the end of its phrase ("@moon": "to the Moon.", "the Moon is"): a thing or
# a place, never a surname, which takes no article (subjects.variants: "President Moon" is no
# title before the Moon). "The Trump administration" is none: the word does not end its phrase.
ARTICLE_USE = "@"
# A key that counts a remark's uses of a name of three capitalised content words or more, joiners
# between them allowed (name_runs): "$federal guard service", "$state radio and television company".
# A phrase a person or a meeting writes (almost) only inside such longer names is a piece of them,
# no subject of its own (scoring._name_uses): "Guard Service" of the Federal and of the Border
# Guard Service, which no one longer phrase holds as scoring._fragments asks.
NAME_RUN = "$"
# The prefixes of the use keys: counts of how words are used, never topics.
USE_KEYS = (VERB_USE, NOUN_USE, PARTICIPLE, QUALIFIER_USE, NAME_USE, CAPITAL_USE, ARTICLE_USE, NAME_RUN)
# Words after which a word qualifies nothing ("archival and", "hypersonic is").
_FUNCTION_WORDS = NOUN_CUES | NOUN_ENDS | VERB_CUES
# Words after which an -ing or -ed word is a verb form ("we exchanged views", "is nearing").
AUXILIARIES = VERB_CUES | frozenset(
    "is are was were be been being am has have had it he she now already still also just".split()
)
# A word and what follows it up to the next word.
_WORD_AND_GAP = re.compile("(" + _WORD.pattern + r")([^A-Za-z]*)")
_PUNCTUATION = re.compile(r"[^\s\-'’]")
_SENTENCE_END = re.compile(r"[.!?]")


def _participle(low: str) -> bool:
    """An -ing or -ed word that _content leaves out of phrases as a verb form."""
    return _verb_form(low) and low not in STOP_WORDS and low not in VERBS and low not in NUMBER_WORDS


def _participle_uses(items: list[tuple[str, str]], i: int, out: Counter, qualifies: bool) -> None:
    """Count the participle at items[i] (see PARTICIPLE) and, if it `qualifies`, the noun after it."""
    w = items[i][0]
    key = " ".join(part for part in w.lower().split("-") if part)
    out[PARTICIPLE + key] += 1
    if not qualifies:
        return
    following = []
    for j in range(i + 1, min(i + 3, len(items))):
        nxt, gap_before = items[j][0], items[j - 1][1]
        if _PUNCTUATION.search(gap_before) or not nxt[:1].islower():
            break
        info = _cached_info(nxt)
        if info is None:
            break
        following.append((nxt.lower(), info))
    # The next word, and the next two when the first can be an adjective ("liquefied natural
    # gas"): the archive judges which is a name (subjects.participle_names).
    if following and not following[0][1][2]:
        out[PARTICIPLE + key + PARTICIPLE + following[0][1][4]] += 1
    if len(following) == 2 and not following[1][1][2]:
        if following[0][1][2] or "ADJ" in parts_of_speech(following[0][0]):
            out[PARTICIPLE + key + PARTICIPLE + following[0][1][3] + " " + following[1][1][4]] += 1


def _ends_a_name(items: list[tuple[str, str]], i: int) -> bool:
    """Is the capitalised word items[i] inside a sentence (not its first word) and the last
    capitalised word of its run (no capitalised word follows in the same clause)?"""
    if _SENTENCE_END.search(items[i - 1][1]):
        return False
    if i + 1 == len(items) or _PUNCTUATION.search(items[i][1]):
        return True
    return not items[i + 1][0][:1].isupper()


def _inside_a_sentence(items: list[tuple[str, str]], i: int) -> bool:
    """Is items[i] no first word: neither the text's, nor a sentence's, nor a paragraph's (after a
    salutation's comma, "Colleagues,", the next paragraph opens a sentence too)? Its capital then
    says it is a name."""
    if not i:
        return False
    gap = items[i - 1][1]  # (a gap follows its word)
    return gap == " " or not (_SENTENCE_END.search(gap) or "\n" in gap)


def _ends_its_phrase(items: list[tuple[str, str]], i: int) -> bool:
    """Does nothing of a phrase follow items[i]: a break, the text's end or one of NOUN_ENDS?"""
    return (
        i + 1 == len(items) or bool(_PUNCTUATION.search(items[i][1])) or items[i + 1][0].lower() in NOUN_ENDS
    )


def _inside_a_name(items: list[tuple[str, str]], i: int) -> bool:
    """Is the capitalised word items[i], inside a sentence, beside another capitalised content
    word (not "The", "Our", "I"), right beside it or joined to it as name_phrases reads a name
    ("of", "and", "for", "of the", "for the": "Academy of Sciences", "Housing and Utilities")?"""
    return _a_name_word(items, _across_joiners(items, i, -1)) or _a_name_word(
        items, _across_joiners(items, i, 1)
    )


def _a_name_word(items: list[tuple[str, str]], k: int | None) -> bool:
    """Is items[k] (none if k is None) a capitalised content word?"""
    return k is not None and items[k][0][:1].isupper() and _cached_info(items[k][0]) is not None


def _across_joiners(items: list[tuple[str, str]], i: int, step: int) -> int | None:
    """The index of the word beside items[i] in direction `step` (-1, 1) of `items` (word, gap),
    past a name's joiner between them (_NAME_JOINS); None at the text's edge, after joining words
    that are none of _NAME_JOINS ("and the"), or where a gap between them holds more than a space
    (past a joiner) or punctuation (right beside)."""
    k = i + step
    if not 0 <= k < len(items):
        return None
    if items[k][0] not in NAME_LINKS:  # right beside (most words): a gap of no punctuation
        gap = items[min(i, k)][1]  # (a gap follows its word)
        return k if gap == " " or not _PUNCTUATION.search(gap) else None
    joiner: list[str] = []
    while 0 <= k < len(items) and len(joiner) < 2 and items[k][0] in NAME_LINKS:
        joiner.append(items[k][0])
        k += step
    if not 0 <= k < len(items):
        return None
    if step < 0:
        joiner.reverse()
    spaced = all(items[min(a, a + step)][1] == " " for a in range(i, k, step))
    return k if spaced and " ".join(joiner) in _NAME_JOINS else None


def word_uses(text: str) -> Counter:
    """The use keys of `text`, counted besides its phrases (whose counts are left as they are):
    each lower-case content word right after a verb cue that the dictionary knows as a verb, under
    VERB_USE + its key; each use as a noun of its own (plural, or after a noun cue and before a
    break) of a word the dictionary knows as an adjective or adverb, under NOUN_USE + its key; each
    use of a participle and of the noun it qualifies, under PARTICIPLE + their keys; each use as the
    last word of a name, capitalised inside a sentence, of a word the dictionary knows only as a
    verb ("Mainline", "Shanghai"), under NOUN_USE + its key; each use of a lower-case word the
    dictionary does not know right before another word, under QUALIFIER_USE + its key. The shares
    are judged over the archive (subjects.verbs, subjects.adjectives, subjects.participle_names,
    subjects.named_words, subjects.modifiers). And each use of a noun of the dictionary as a word
    of a name (_inside_a_name), under NAME_USE + its key, read per person (scoring.score), and
    of one capitalised alone inside a sentence, under CAPITAL_USE + its key (and under ARTICLE_USE
    + its key too where "the" stands before it and it ends its phrase); and so each use of a
    word the dictionary knows as an adjective and no noun, capitalised alone inside a sentence at
    the end of its phrase ("in the Arctic."), which subjects.named_words reads."""
    out: Counter = Counter()
    previous = ""
    waiting = None  # a noun-use key whose use counts if the next word ends its phrase
    items = _WORD_AND_GAP.findall(normalise(text))
    known = _USE_INFO.get
    for i, (w, gap) in enumerate(items):
        use = known(w)
        if use is None:
            use = _use_info(w)
        low, can, key = use
        if waiting is not None:
            if low in NOUN_ENDS and not _joins_adjectives(items, i):
                out[waiting] += 1
            waiting = None
        if not can:  # most words: nothing any neighbour could make them count as
            previous = low
            continue
        if can & _CAN_NAME_WORD:
            if _inside_a_sentence(items, i):
                if _inside_a_name(items, i):
                    out[NAME_USE + key] += 1
                else:
                    out[CAPITAL_USE + key] += 1
                    if previous == "the" and _ends_its_phrase(items, i):
                        out[ARTICLE_USE + key] += 1  # "to the Moon.": a thing, no surname
            if can == _CAN_NAME_WORD:  # (most capitalised nouns: nothing else to count)
                previous = low
                continue
        if (
            can & _CAN_NAME_ALONE
            and _inside_a_sentence(items, i)
            and _ends_its_phrase(items, i)
            and not _inside_a_name(items, i)
        ):
            out[CAPITAL_USE + key] += 1  # "in the Arctic.", "the Pacific is": a name of its own
        if (
            can & _CAN_QUALIFY
            and i + 1 < len(items)
            and not _PUNCTUATION.search(gap)
            and items[i + 1][0].lower() not in _FUNCTION_WORDS
        ):
            out[QUALIFIER_USE + key.replace(" ", "-")] += 1  # one word, as every use key
        if can & _CAN_PARTICIPLE and (can & _LOWER_CASE or i == 0 or _SENTENCE_END.search(items[i - 1][1])):
            # After an auxiliary or an adverb it is a verb form: a use, but of nothing it names.
            _participle_uses(items, i, out, previous not in AUXILIARIES and not previous.endswith("ly"))
        verb_cue = previous in VERB_CUES
        noun_cue = previous in NOUN_CUES
        previous = low
        if can & _CAN_NAME_VERB and i and _ends_a_name(items, i):
            # A verb to the dictionary, written as the last word of a name ("the Baikal-Amur
            # Mainline", "in Shanghai"): a noun here (subjects.named_words).
            if key:
                out[NOUN_USE + key] += 1
            continue
        if can & _CAN_VERB and verb_cue:
            out[VERB_USE + key] += 1
        if can & _CAN_PLURAL:  # a plural: "Republicans", "officials"
            out[NOUN_USE + key] += 1
        elif can & _CAN_FOLLOW_CUE and noun_cue:
            if not gap or _PUNCTUATION.search(gap):
                if not (gap.strip() == "," and _qualifies(items, i + 1)):  # "the rapid, explosive growth"
                    out[NOUN_USE + key] += 1
            else:
                waiting = NOUN_USE + key
    if waiting is not None:
        out[waiting] += 1
    return out


# What word_uses may count a word as, whatever its neighbours (_use_info): flags.
_LOWER_CASE = 1
_CAN_PARTICIPLE = 2  # an -ing or -ed word no phrase holds (lower case or opening a sentence)
_CAN_NAME_VERB = 4  # capitalised, a verb only to the dictionary (if it ends a name)
_CAN_VERB = 8  # lower case, a verb to the dictionary (after a verb cue)
_CAN_PLURAL = 16  # a plural of a word the dictionary knows as an adjective or adverb
_CAN_FOLLOW_CUE = 32  # lower case, an adjective or adverb to the dictionary (after a noun cue)
_CAN_QUALIFY = 64  # lower case, a content word the dictionary does not know (before another word)
_CAN_NAME_WORD = 128  # capitalised, a noun to the dictionary that may be a topic alone (in a name, or alone)
# capitalised, an adjective or adverb and no noun to the dictionary (alone, ending its phrase)
_CAN_NAME_ALONE = 256
_USE_INFO: dict[str, tuple[str, int, str]] = {}


# Conjunctions after which an adjective joins the word before to qualify one noun together ("the
# warm and sincere greetings"): that word is no noun of its own there (_joins_adjectives). So does
# a comma ("the rapid, explosive growth").
_JOINING = frozenset(("and", "or"))


def _joins_adjectives(items: list[tuple[str, str]], i: int) -> bool:
    """Is word `i` of `items` (word, gap) a conjunction that joins the word before it to a
    lower-case adjective or adverb right after it (_qualifies)?"""
    return (
        items[i][0].lower() in _JOINING and not _PUNCTUATION.search(items[i][1]) and _qualifies(items, i + 1)
    )


def _qualifies(items: list[tuple[str, str]], i: int) -> bool:
    """Is word `i` of `items` a lower-case content word the dictionary knows as an adjective or
    adverb ("explosive"), or an adverb in -ly before one ("economically sound")? (Not "so", "as",
    "however": no content words.)"""
    if i >= len(items):
        return False
    if _use(items[i][0])[1] & _CAN_FOLLOW_CUE:
        return True
    word = items[i][0]
    return (
        word[:1].islower()
        and word.endswith("ly")
        and "ADV" in parts_of_speech(word.lower())
        and i + 1 < len(items)
        and bool(_use(items[i + 1][0])[1] & _CAN_FOLLOW_CUE)
    )


def _use(word: str) -> tuple[str, int, str]:
    """_use_info, memoised in _USE_INFO."""
    use = _USE_INFO.get(word)
    return use if use is not None else _use_info(word)


def _use_info(word: str) -> tuple[str, int, str]:
    """(lower case, or an acronym as written; flags, key) of a word for word_uses (memoised): flags 0 when no neighbour can
    make it count, as for most words, whose only cost is then this lookup; key "" for a word that
    is no content word."""
    low = word.lower()
    lower_case = word[:1].islower()
    can = _LOWER_CASE if lower_case else 0
    if low.endswith(_ING_ED) and _participle(low):
        can |= _CAN_PARTICIPLE
    if not lower_case and only_a_verb(low):
        can |= _CAN_NAME_VERB
    info = _cached_info(word)
    key = info[4] if info is not None else ""
    if "-" not in word and key:
        if lower_case and "VERB" in parts_of_speech(low):
            can |= _CAN_VERB
        if {"ADJ", "ADV"} & parts_of_speech(key):
            if key != low and low[-1] == "s":
                can |= _CAN_PLURAL
            elif lower_case:
                can |= _CAN_FOLLOW_CUE
    if lower_case and key and not parts_of_speech(key):
        can |= _CAN_QUALIFY
    if not lower_case and info is not None and not (info[2] or info[5]) and "-" not in word:
        if "NOUN" in parts_of_speech(low):  # (an adjective or a word generic alone is no topic alone)
            can |= _CAN_NAME_WORD
    if (
        not lower_case
        and key
        and "-" not in word
        and not_a_noun(low)
        and {"ADJ", "ADV"} & parts_of_speech(low)
    ):
        can |= _CAN_NAME_ALONE
    if can == _LOWER_CASE:
        can = 0  # nothing to count: the case alone does not matter
    if len(_USE_INFO) >= _WORD_INFO_MAX:
        _USE_INFO.clear()
    # An acronym is no cue for its neighbours ("US sanctions": no "us" before a verb).
    use = _USE_INFO[word] = (word if len(word) > 1 and word.isupper() else low, can, key)
    return use


_THE_AFTER = ("of", "for")  # the joiners "the" may follow ("Defender of the Fatherland")
_NAME_JOINS = NAME_JOINERS | {f"{j} the" for j in _THE_AFTER}  # what joins two words of a name
_VERB = frozenset({"VERB"})
NAME_WORDS = 6  # capitalised words in a name at most ("Belt and Road Forum for International Cooperation")


def is_name(key: str) -> bool:
    """Does a phrase key hold a joiner, i.e. is it a name counted by name_phrases?"""
    return " and " in key or " of " in key or " for " in key


def name_phrases(text: str, exclude: set[str] | frozenset[str] = frozenset(), runs: bool = False) -> Counter:
    """The names of `text` that a joiner holds together, counted besides its phrases: each part of
    a run of capitalised content words and joiners that goes from one capitalised word to another,
    holds a joiner and at most NAME_WORDS capitalised words ("Russian Academy of Sciences",
    "Academy of Sciences"). Never across punctuation, never from a word the dictionary knows only
    as a verb ("Speaking of Russia") or a possessive of a singular ("China's Belt and Road"),
    never through a name in `exclude` (the people present). Whether "Russia and China" is a name
    is judged over the archive (subjects.variants). With `runs`, the same pass counts each run
    under NAME_RUN too (name_runs)."""
    out: Counter = Counter()
    for run in _name_word_runs(_CAPITALISED_RUN.findall(normalise(text)), exclude):
        _count_names(run, out)  # (only a part that holds a joiner counts)
        if runs:
            _count_run(run, out)
    return out


def _name_word_runs(stretches: Iterable[str], exclude: set[str] | frozenset[str]) -> Iterator[list[str]]:
    """The runs of capitalised content words and joiners in capitalised `stretches` of a text: a
    run stops at a function word or a person present (`exclude`). Joiners in lower case, the words
    as written."""
    for found in stretches:
        run: list[str] = []
        for w in found.split(" "):
            low = w.lower()
            if low in NAME_JOINERS or (low == "the" and run and run[-1] in _THE_AFTER):
                run.append(low)
            elif _content(w) and low not in exclude and low.rstrip("s") not in exclude:
                run.append(w)
            else:  # a function word or a person present: the run stops there
                yield run
                run = []
        yield run


# Capitalised words, single spaces apart or joined (NAME_JOINERS, "of the", "for the"): only these
# can hold a name (found in C; most text holds none). One pass over a long run: a pattern asking
# for a joiner inside (nested repeats) backtracked through the whole run from each of its words.
_CAPITALISED = r"[A-Z](?:[A-Za-z'\-]*[A-Za-z])?"
_CAPITALISED_RUN = re.compile(rf"\b{_CAPITALISED}(?:(?: | (?:of the|for the|of|for|and) ){_CAPITALISED})+\b")
NAME_RUN_WORDS = 3  # capitalised content words in a name counted under NAME_RUN, at least


def name_runs(text: str, exclude: set[str] | frozenset[str] = frozenset()) -> Counter:
    """The names of `text` of NAME_RUN_WORDS capitalised content words or more, counted under
    NAME_RUN + the name's words in lower case, hyphen parts as words (no singular: the words of its
    pieces are read from it, scoring._name_uses). A run stops at a function word ("The" opening a
    sentence), at a person present (`exclude`) and at punctuation, as name_phrases reads runs (the
    extractor has name_phrases count both in one pass)."""
    return Counter({k: n for k, n in name_phrases(text, exclude, runs=True).items() if k[0] == NAME_RUN})


def _count_run(run: list[str], out: Counter) -> None:
    """Count `run` (words as written and lower-case joiners) under NAME_RUN in lower case, less the
    joiners at its ends, if NAME_RUN_WORDS of its words or more are no joiners (name_runs)."""
    words = [w.lower() for w in run]
    while words and words[-1] in NAME_LINKS:
        words.pop()
    while words and words[0] in NAME_LINKS:
        words.pop(0)
    if sum(1 for w in words if w not in NAME_LINKS) >= NAME_RUN_WORDS:
        out[NAME_RUN + " ".join(part for w in words for part in w.split("-") if part)] += 1


def _count_names(run: list[str], out: Counter) -> None:
    """Count each part of `run` (capitalised words and joiners) that starts and ends with a
    capitalised word, holds a joiner and at most NAME_WORDS capitalised words (name_phrases). A
    part that is only ever said inside a longer name ("Forces of the Russian Federation") is a
    fragment of it for scoring (scoring._fragments)."""
    if len(run) < 3:
        return
    n = len(run)
    for i, first in enumerate(run):
        if first in NAME_LINKS or only_a_verb(first.lower()):
            continue  # "Speaking of Russia"
        if _possessive(first) and not _plural_noun(first[:-2].lower()):
            continue  # "China's Belt and Road"; but "People's Republic of China"
        words = 0
        joined = False
        for j in range(i, n):
            w = run[j]
            if w in NAME_LINKS:
                joined = True
                continue
            words += 1
            if words > NAME_WORDS:
                break
            if joined:
                out[phrase_key(run[i : j + 1])] += 1


def _plural_noun(word: str) -> bool:
    """A plural the dictionary knows ("women", "veterans"; "people", which it keeps as a lemma)."""
    return word == "people" or (bool(word) and getLemma(word, upos="NOUN")[:1] not in ((word,), ()))


def only_a_verb(word: str) -> bool:
    """Does the dictionary know the (lower-case) word only as a verb ("recognise", "speaking")?"""
    return parts_of_speech(word) == _VERB


def not_a_noun(word: str) -> bool:
    """A word known only as a verb, adjective or adverb ("congratulate", "ahead", "abide"); not the
    -ing nouns the extractor keeps ("lending", "trafficking": the dictionary knows only the verb)."""
    if word in ING_ED_NOUNS:
        return False
    pos = parts_of_speech(word)
    return bool(pos) and "NOUN" not in pos and "PROPN" not in pos


# How telling an occurrence is of the way a phrase is written: inside a sentence as a noun of its
# own, inside a sentence before another noun ("missile" of "missile systems": the form a modifier
# takes), inside a capitalised name ("Defence" of "Defence Ministry": the name's way), opening a
# sentence.
INSIDE, BEFORE_A_NOUN, IN_NAME, OPENING = 4, 3, 2, 1
_NEXT_WORD = re.compile(r"[ \t]*(" + _WORD.pattern + ")")


def _as_written(text: str, plain: str) -> str:
    """`plain` (normalise(text)) with the letters' marks `text` writes ("détente"), where the two
    are one for one; else `plain`."""
    if text.isascii():
        return plain
    shown = _with_marks(text)
    return shown if shown is not None and len(shown) == len(plain) else plain


@lru_cache(maxsize=4096)
def _label_readings(text: str) -> tuple[str, str]:
    """(normalise(text), _as_written(text, that)): the text a label's form is found in, and the
    same text as written, to show it. Memoised: a remark is read for each of its topics' labels."""
    plain = normalise(text)
    return plain, _as_written(text, plain)


@lru_cache(maxsize=4096)
def _with_marks(text: str) -> str | None:
    """normalise(text) keeping the letters' marks, or None when `text` has no marked letter (the
    plain text is then as written). Memoised: a remark's text is read for many labels."""
    return normalise(text, marks=True) if MARKED.search(text) else None


def _written_form(key: str, text: str) -> tuple[str, int] | None:
    """The phrase as `text` writes it and how telling that is (INSIDE, BEFORE_A_NOUN, IN_NAME,
    OPENING), or None when the text does not have it."""
    words = key.split(" ")
    plain, shown = _label_readings(text)
    first = None
    in_name = None
    modifier = None
    for start, end in _form_spans(key, plain):
        if not _opens_sentence(plain, start):
            # A common word inside a capitalised name ("Hockey" of "Night Hockey League") shows
            # how the name is written, not the word; a name's ("Clinton" of "Hillary Clinton")
            # is written so everywhere.
            if (
                len(words) == 1
                and plain[start:end][:1].isupper()
                and parts_of_speech(key)
                and _beside_a_capital(plain, start, end)
            ):
                in_name = in_name or shown[start:end]
                continue
            after = _NEXT_WORD.match(plain, end)
            if after is not None and _content(after.group(1)):
                modifier = modifier or shown[start:end]
                continue
            return shown[start:end], INSIDE
        first = first or shown[start:end]
    if modifier is not None:
        return modifier, BEFORE_A_NOUN
    if in_name is not None:
        return in_name, IN_NAME
    if first is None:
        return None
    # Only seen opening a sentence: lower-case the first letter unless it is an acronym, a word the
    # dictionary does not know ("Rossiya airlines") or another word of the phrase is written with
    # a capital (a name: "Grigory Rodchenkov", "President Poroshenko", "China-Russia cooperation").
    head = first.split(" ")[0].split("-")[0]
    named = not parts_of_speech(head.lower()) or any(
        part[:1].isupper() for part in re.split(r"[\s\-]+", first)[1:]
    )
    return (first if (head.isupper() and len(head) > 1) or named else first[:1].lower() + first[1:]), OPENING


def _opens_sentence(plain: str, start: int) -> bool:
    """Does the text's word at `start` open a sentence (or the text, a bracket, a quotation)?"""
    before = plain[:start].rstrip()
    return not before or before[-1] in '.!?:("“«'


@lru_cache(maxsize=4096)
def _form_pattern(key: str) -> re.Pattern:
    """Where a text writes the phrase: its words, the last as the key has it or in a plural
    ("state" -> "States", "child" -> "children"), never a longer word that starts the same ("meet"
    is not "meeting"); between words a space, a hyphen or the ampersand of an acronym ("R&D
    projects", whose key is "r d project": candidates read "&" as a space), after a plural's
    apostrophe too ("the United States' withdrawal": candidates read the word without it).
    The definition of where a form is written; _form_spans finds the same places, most often
    without compiling this (which is slow, and there is one per topic)."""
    words = key.split(" ")
    forms = _last_word_forms(words[-1])
    last = "(?:" + "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True)) + r")\b"
    body = r"(?:(?<=s)'?[\s\-]+|[\s\-]+|&)".join([re.escape(w) for w in words[:-1]] + [last])
    return re.compile(r"\b" + body, re.IGNORECASE)


def _last_word_forms(word: str) -> set[str]:
    """The ways _form_pattern reads a key's last word: as the key has it, in a regular plural or in
    a plural the dictionary knows."""
    regular = {word, word + "s", word + "es"}
    if word.endswith("y"):
        regular.add(word[:-1] + "ies")
    return regular | _plurals(word)


# The words the literal search of _form_spans reads: lower-case ASCII letters, digits and
# apostrophes (what the words of phrase keys are made of), opening with a letter or a digit, so
# never with what a separator of _form_pattern matches (a space, a hyphen, "&").
_LITERAL_WORD = re.compile(r"[a-z0-9][a-z0-9']*")
# The characters that _form_pattern, case-blind over Unicode, takes for one of those ASCII
# letters though they are none of them: the dotted and the dotless I, the long s, the Kelvin sign.
# For every other character str.lower() gives one character, an ASCII letter only of an ASCII
# letter. (tests/core/test_topic_speed_forms.py checks both over every code point.)
_CASE_BLIND_STRAYS = ("\u0130", "\u0131", "\u017f", "\u212a")


@lru_cache(maxsize=4096)
def _literal_form(key: str) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]] | None:
    """_form_pattern(key) as literals: (the words before the last; the last word's forms, longest
    first, as the pattern tries them; the words a match may open with: the first word, or for a
    key of one word each of its forms that opens with no other, since where the longer is written
    so is the shorter), or None when a word or form is no _LITERAL_WORD (the pattern is then
    searched with)."""
    words = key.split(" ")
    forms = tuple(sorted(_last_word_forms(words[-1]), key=len, reverse=True))
    if not all(_LITERAL_WORD.fullmatch(w) for w in (*words[:-1], *forms)):
        return None
    before_last = tuple(words[:-1])
    first_words = set(before_last[:1] or forms)
    openers = tuple(
        sorted(w for w in first_words if not any(o != w and w.startswith(o) for o in first_words))
    )
    return before_last, forms, openers


def _form_spans(key: str, plain: str) -> list[tuple[int, int]]:
    """(start, end) of each place `plain` writes the phrase: the spans of
    _form_pattern(key).finditer(plain), in the same order. Found by a literal search where the
    key's words and forms allow one (_literal_form) and `plain` holds none of the characters the
    pattern matches case-blind to an ASCII letter (_CASE_BLIND_STRAYS): the pattern's words are
    literals, its separators admit one reading each (_after_separator), and its \\b is read as the
    regular expression reads it (_word_boundary)."""
    literal = _literal_form(key)
    folded = _folded(plain) if literal is not None else None
    if literal is None or folded is None:
        return [m.span() for m in _form_pattern(key).finditer(plain)]
    before_last, last_forms, openers = literal
    starts: set[int] = set()
    for opener in openers:
        at = folded.find(opener)
        while at >= 0:
            starts.add(at)
            at = folded.find(opener, at + 1)
    spans = []
    searched_from = 0  # finditer looks for the next match from the end of the last
    for start in sorted(starts):
        if start < searched_from:
            continue
        end = _literal_match(plain, folded, start, before_last, last_forms)
        if end is not None:
            spans.append((start, end))
            searched_from = end
    return spans


def _folded(plain: str) -> str | None:
    """`plain` in lower case, in which a word of a key (_LITERAL_WORD) is written where the
    case-blind pattern finds it: an ASCII letter stands where `plain` has it in either case, and
    only there. None when `plain` holds one of _CASE_BLIND_STRAYS (or lower case would change its
    length)."""
    if not plain.isascii() and any(stray in plain for stray in _CASE_BLIND_STRAYS):
        return None  # (a substring search per stray: far faster than reading the text as a set)
    folded = plain.lower()
    return folded if len(folded) == len(plain) else None


def _literal_match(
    plain: str, folded: str, start: int, before_last: tuple[str, ...], last_forms: tuple[str, ...]
) -> int | None:
    """Where the match of _form_pattern at `start` of `plain` ends, or None when it has none there
    (_form_spans: `folded` is `plain` in lower case). The pattern backtracks to no other reading:
    each separator admits one (_after_separator), and of the last word's forms, tried longest
    first, the first written there that ends a word is the match."""
    if not _word_boundary(plain, start):
        return None
    at = start
    for word in before_last:
        if not folded.startswith(word, at):
            return None
        after = _after_separator(plain, at + len(word))
        if after is None:
            return None
        at = after
    for form in last_forms:
        end = at + len(form)
        if folded.startswith(form, at) and _word_boundary(plain, end):
            return end
    return None


def _after_separator(plain: str, at: int) -> int | None:
    """Where the next word opens after the separator _form_pattern reads at `at` of `plain` (where
    a word of the key ends), or None when there is none: "&", or a run of spaces and hyphens, after
    a plural's apostrophe too ("States' "). The character at `at` leaves one of the pattern's
    alternatives that can match, and of the run only the whole: the next word opens with a letter
    or a digit, which cannot follow a shorter run."""
    if at >= len(plain):
        return None
    if plain[at] == "&":
        return at + 1
    if plain[at] == "'":
        if plain[at - 1] not in "sS":  # (?<=s), case-blind: no long s here (_CASE_BLIND_STRAYS)
            return None
        at += 1
    end = at
    while end < len(plain) and (plain[end].isspace() or plain[end] == "-"):  # [\s\-]
        end += 1
    return end if end > at else None


def _word_boundary(text: str, at: int) -> bool:
    """Is `at` a word boundary as \\b reads one in a pattern of text (Unicode): a word character
    (a letter or digit of any script, or "_") on one side of it and none on the other?"""
    before = at > 0 and (text[at - 1].isalnum() or text[at - 1] == "_")
    after = at < len(text) and (text[at].isalnum() or text[at] == "_")
    return before != after


def form_label(key: str, texts: list[str]) -> str:
    """A form counted with a topic as `texts` write it most often inside sentences ("Ukrainian"
    where most remarks say "the Ukrainian side" and one says "Ukrainians"; "Polish", not "polish"
    of a sentence's start); on a tie, or when only sentences open with it, as common_label reads
    it."""
    written: Counter = Counter()
    for text in texts:
        plain, shown = _label_readings(text)
        for start, end in _form_spans(key, plain):
            if not _opens_sentence(plain, start):
                written[shown[start:end]] += 1
    ranked = written.most_common(2)
    if ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
        return ranked[0][0]
    return common_label(key, texts)


@lru_cache(maxsize=65536)
def _plurals(word: str) -> frozenset[str]:
    """The plurals the dictionary knows for a noun, irregular ones included ("children")."""
    if "NOUN" not in parts_of_speech(word):
        return frozenset()
    return frozenset(f.lower() for f in getInflection(word, tag="NNS") if f)


def display_label(key: str, text: str) -> str:
    """How the phrase is written in `text`: an occurrence inside a sentence shows whether it is a
    proper noun ("Soviet Union") or not ("pretrial detention centres"), better than one inside a
    longer name or opening a sentence; falls back to the key."""
    found = _written_form(key, text)
    return found[0] if found else key


@lru_cache(maxsize=65536)
def parts_of_speech(word: str) -> frozenset[str]:
    """The parts of speech lemminflect's dictionary knows for a word (empty: not in it, which is
    what most names of people and places and rare terms are)."""
    return frozenset(getAllLemmas(word))


def _beside_a_capital(text: str, start: int, end: int) -> bool:
    """Is the word at `start`:`end` of `text` next to another capitalised word (one space or
    hyphen, or "of", "and", "for", apart: "Ministry of Industry and Trade"), the word before not
    merely opening its sentence ("In Larkspur", "The Larkspur quay")?"""
    if re.match(r"(?:[ \-]|\s(?:of|and|for)\s)[A-Z]", text[end : end + 6]):
        return True
    before = re.search(r"([A-Z][\w'’]*)(?:[ \-]|\s(?:of|and|for)\s)$", text[max(0, start - 40) : start])
    if not before:
        return False
    ahead = text[: max(0, start - 40) + before.start()].rstrip()
    return bool(ahead) and ahead[-1] not in '.!?:("“«'


def _initials(key: str) -> str:
    """The initials of a key of two or more words, joiners left out ("" for one word)."""
    words = [w for w in key.split(" ") if w not in NAME_LINKS]
    return "".join(w[0] for w in words) if len(words) > 1 else ""


def _names_the_same(form: str, key: str) -> bool:
    """Is `form`, counted with the topic of `key`, another way of writing its name: its acronym or
    the name an acronym stands for ("wto", "world trade organisation"), the same words in another
    order or with "of" and "the" ("leningrad siege", "siege of leningrad"), as one word or two
    ("crewmember", "crew member"), spelt with -ise or -ize, or a phrase of two words or more about
    the same last word ("china russia friendship", "russian chinese friendship")? Not a place's
    adjective for the place ("eurasian", "eurasia")."""
    if _initials(form) == key or _initials(key) == form:
        return True
    mine = [w for w in form.split(" ") if w not in NAME_LINKS]
    theirs = [w for w in key.split(" ") if w not in NAME_LINKS]
    if sorted(mine) == sorted(theirs):
        return True
    if "".join(mine).replace("iz", "is") == "".join(theirs).replace("iz", "is"):
        return True
    return len(mine) > 1 and len(theirs) > 1 and mine[-1] == theirs[-1]


def common_label(key: str, texts: list[str], forms: Iterable[str] = ()) -> str:
    """The form of the phrase readers meet most in `texts` ("Moscow", "United States", "human
    rights", "development"): of the most telling occurrences the texts have (inside a sentence as a
    noun of its own, else before another noun, else inside a name, else opening a sentence:
    _written_form), the commonest form (ties: one the key cannot say, then the first); where no
    text has it, another of its `forms` that names the same thing as the texts write it
    (_names_the_same); else the key, with a capital for a word the dictionary does not know (a
    name). So "Defence"
    of "Defence Ministry" gives way to "defence" said plainly, and "Perm" of "Perm Territory"
    stays when that is all there is."""
    found = [f for f in (_written_form(key, t) for t in texts if t) if f]
    if not found:
        # The texts write only another form counted with the topic (subjects.variants) that names
        # the same thing: shown as they write it. ("Eurasian" of "eurasia" is no name of it.)
        found = [
            f
            for form in forms
            if _names_the_same(form, key)
            for f in (_written_form(form, t) for t in texts if t)
            if f
        ]
    if not found:
        # Shown under remarks that write another form (a place's adjective: "Eurasian" of
        # "eurasia"): a word the dictionary does not know is a name; "of" and "the" stay small.
        return " ".join(
            w if parts_of_speech(w) or w in NAME_LINKS else w[:1].upper() + w[1:] for w in key.split(" ")
        )
    best = max(rank for _, rank in found)
    # The commonest; on a tie a form other than the key itself (a plural, a capital: what the key,
    # singular and lower case, cannot say), then, where every form is written as a name, the key
    # with capitals ("Bush" before "the Bushes", a family), then the first met.
    written = Counter(form for form, rank in found if rank == best)
    names = all(word[:1].isupper() for form in written for word in form.split(" "))
    return max(written.items(), key=lambda kv: (kv[1], kv[0] != key, names and kv[0].lower() == key))[0]


PROCEDURAL_CUES = re.compile(
    r"\b(thank you|thanks|go ahead|you have the floor|the floor is yours|please|let us (begin|start|move on|continue|proceed)|"
    r"good (afternoon|morning|evening)|colleagues|next speaker|over to you|shall we|all right|very well|agreed|goodbye)\b",
    re.IGNORECASE,
)


def is_procedural(text: str) -> bool:
    """A short chairing line ("Thank you. Go ahead, please.") that yields no topics."""
    return _procedural(text, len(normalise(text).split()))


def _procedural(text: str, words: int) -> bool:
    """`is_procedural` for a text of `words` words (as counted there)."""
    if words <= 12:
        return True
    if words <= 40 and PROCEDURAL_CUES.search(text):
        content = sum(candidates(text).values())
        return content <= 6
    return False


def forms_to_show(label: str, forms: Iterable[str]) -> list[str]:
    """The forms counted with a topic as its page names them: each once as it reads (case aside),
    and not one that reads as the label ("Olympic" written "Olympics")."""
    seen, distinct = {label.casefold()}, []
    for form in forms:
        if form.casefold() not in seen:
            seen.add(form.casefold())
            distinct.append(form)
    return distinct
