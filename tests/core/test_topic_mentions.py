"""Where a remark mentions a topic (the marks on a topic page): the words the extractor reads as the
topic's key or as one of the keys shown under it, and no others."""

from __future__ import annotations

import re

from meetings.core.topics.mentions import mention_spans


def marked(text: str, key: str, forms: tuple[str, ...] = ()) -> list[str]:
    return [text[a:b] for a, b in mention_spans(text, {key, *forms})]


def test_plural_possessive_case_and_hyphens_are_the_key():
    text = "The Quay-Walls crumble; every quay wall's stones, and the QUAY WALLS of the north pier."
    assert marked(text, "quay wall") == ["Quay-Walls", "quay wall's", "QUAY WALLS"]


def test_irregular_plurals_are_the_key():
    assert marked("Women of the valley and one woman of the coast.", "woman") == ["Women", "woman"]
    assert marked("The children's library.", "child") == ["children's"]


def test_other_words_that_begin_alike_are_not_the_key():
    """A word sharing the key's stem is another word: 'economic' is not 'economy', 'important'
    not 'import', 'armed' and 'arms' not 'army', 'citizens' not 'city'."""
    text = "Economic policy and important imports: the armed forces, the arms trade, citizens of the city."
    assert marked(text, "economy") == []
    assert marked(text, "import") == ["imports"]
    assert marked(text, "army") == []
    assert marked(text, "city") == ["city"]


def test_the_forms_shown_under_a_topic_are_marked():
    """A topic that gathers several keys (another spelling, a place's adjective, an acronym, a
    phrase written as one word) marks each of them."""
    text = "The privatization plan, the Valdorian ports, the NHFC's fund and the waterfront road map."
    assert marked(text, "privatisation", ("privatization",)) == ["privatization"]
    assert marked(text, "valdoria", ("valdorian",)) == ["Valdorian"]
    assert marked(text, "northern harbour fishing company", ("nhfc",)) == ["NHFC's"]
    assert marked(text, "roadmap", ("road map",)) == ["road map"]


def test_typographic_apostrophes_no_break_spaces_and_saint_names():
    text = "The Harbour Master\u2019s Office wrote to St. Brendan\u00a0Island and the citizens\u2019 rights group."
    assert marked(text, "harbour master's office") == ["Harbour Master\u2019s Office"]
    assert marked(text, "st brendan island") == ["St. Brendan\u00a0Island"]
    assert marked(text, "citizens right") == ["citizens\u2019 rights"]


def test_a_phrase_is_not_marked_across_a_sentence_or_a_comma():
    assert marked("We fixed the quay. Walls are next, quay, walls.", "quay wall") == []


def test_the_longest_form_wins_where_two_overlap():
    text = "The fishing port and the port."
    assert marked(text, "port", ("fishing port",)) == ["fishing port", "port"]


def test_a_word_after_a_number_or_a_dash_is_a_word_of_its_own():
    text = "A 12-percent surcharge, the levy \u2013tax receipts\u2013 and the non-Valdorian ships."
    assert marked(text, "percent surcharge") == ["percent surcharge"]
    assert marked(text, "tax receipt") == ["tax receipts"]
    assert marked(text, "valdorian") == []


def test_a_topic_page_excerpt_opens_at_the_first_mention():
    """A long remark's excerpt on a topic page starts at the paragraph that first names the topic,
    saying that earlier paragraphs are left out (the mention was hidden deep in a scrolling box)."""
    from types import SimpleNamespace

    from meetings.web.templatetags.transcript import highlight

    topic = SimpleNamespace(key="quay wall", forms=["quay-wall"])
    weather = " ".join(["The weather held."] * 30)  # a long remark (a short one is shown whole)
    text = f"Good morning, friends.\n\n{weather}\n\nThe quay walls are crumbling.\n\nSo are the piers."
    html = str(highlight(text, topic))
    assert "Good morning" not in html and "weather" not in html
    assert html.startswith('<p class="omission"')
    assert "<mark>quay walls</mark> are crumbling" in html
    assert str(highlight("The quay walls.\n\nMore.", topic)).startswith("<p>The <mark>")
    assert "Nothing" in str(highlight("Nothing on it.", topic))  # no mention: the whole text


def test_a_topic_page_excerpt_shows_every_mention_and_leaves_the_rest_out_saying_so():
    """Regression: a remark on a topic page was shown whole in a box 14rem high that scrolled,
    cut mid-sentence with no sign, and a long remark "naming it 7 times" showed none of the seven.
    The excerpt is what names the topic: the paragraphs that do, a long one cut to the words around
    its mentions; what is left out is marked ("[…]" for paragraphs, "…" within one), every mention
    shown."""
    from types import SimpleNamespace

    from meetings.web.templatetags.transcript import EXCERPT_WORDS, SKIPPED, highlight

    topic = SimpleNamespace(key="quay wall", forms=["quay-wall"])

    def filler(name):
        return " ".join(f"{name}{i}" for i in range(3 * EXCERPT_WORDS))

    text = "\n\n".join(
        [
            "Good morning.",
            f"{filler('alpha')} The quay walls crumble. {filler('beta')} Quay walls again. {filler('gamma')}",
            "Nothing here.",
            "The quay walls, once more.",
            "Goodbye.",
        ]
    )
    html = str(highlight(text, topic))
    assert html.count("<mark>") == 3  # every mention shown
    assert "Good morning" not in html and "Nothing here" not in html and "Goodbye" not in html
    assert html.count('<p class="omission"') == 3  # before, between and after the paragraphs kept
    assert "alpha0 " not in html and f"gamma{3 * EXCERPT_WORDS - 1}" not in html and "beta30 " not in html
    assert html.count("\u2026") >= 3 + 3  # the markers and the cuts within the long paragraph
    assert len(re.sub(r"<[^>]+>", "", html).split()) < 6 * EXCERPT_WORDS  # of about 200
    # A short remark is shown whole; one that names it nowhere as written shows its opening.
    assert str(highlight("The quay walls.\n\nMore.", topic)).startswith("<p>The <mark>")
    assert "More." in str(highlight("The quay walls.\n\nMore.", topic))
    # A remark that names it nowhere as written says that its later paragraphs are left out too.
    assert str(highlight("Good morning.\n\nThe harbour closes.", topic)).endswith(SKIPPED)
    # Two mentions whose windows touch are one passage: no cut between them (a review found
    # "… w50 … w51 …", words said to be left out where none were).
    touching = " ".join(f"w{i}" for i in range(30)) + " quay walls " + " ".join(f"v{i}" for i in range(39))
    touching += " quay walls " + " ".join(f"u{i}" for i in range(100))
    html_touching = str(highlight(touching, topic))
    assert html_touching.count("\u2026") == 2 and "v19 v20" in html_touching
    opening = str(highlight(filler("delta"), topic))
    assert "delta0" in opening and opening.endswith("\u2026</span></p>") and "delta59" not in opening


def test_forms_are_shown_as_the_remarks_write_them():
    from meetings.core.topics.phrases import common_label

    texts = [
        "Valdorian ships came first.",  # opening a sentence: says nothing of the capital
        "We met the Valdorian fleet and the NHFC\u2019s board.",
        "No mention here.",
    ]
    assert {k: common_label(k, texts) for k in ["valdorian", "nhfc", "privatization"]} == {
        "valdorian": "Valdorian",
        "nhfc": "NHFC",
        "privatization": "privatization",
    }


def test_a_word_with_an_accented_letter_is_one_word_marked_as_written():
    """A Latin letter with a mark ("é", "ü", "Č", "ł") is that letter: the word is one word, not
    cut at it ("tente" of "détente"), and the mark is on the remark's own characters."""
    text = "The d\u00e9tente of the seventies, Caf\u00e9 Quayside in Z\u00fcrich and Mr \u010celarin's ship."
    assert marked(text, "detente") == ["d\u00e9tente"]
    assert marked(text, "cafe quayside") == ["Caf\u00e9 Quayside"]
    assert marked(text, "zurich") == ["Z\u00fcrich"]
    assert marked(text, "tente") == [] and marked(text, "rich") == []


def test_a_small_word_is_a_form_only_in_capitals():
    """ "us" is the US only written as an acronym, as the extractor reads it (the pronoun of "let
    us look" was marked as the country, 270 times on one topic page); "it" is no "IT"."""
    text = "Let us look at the US quotas, and let US partners know it. IT firms grew; it helps."
    assert marked(text, "united state", ("us",)) == ["US", "US"]
    assert marked(text, "information technology", ("it",)) == ["IT"]
    # Inside a name, its links stay words of it.
    text = "The Board of Quays and Walls met; the board of quays spoke."
    assert marked(text, "board of quays and wall") == ["Board of Quays and Walls"]


def test_an_idiom_is_no_mention():
    """ "in order to" holds no "order", as the extractor reads it ("the harbour order" still does)."""
    text = "In order to sail, the harbour order was signed, in order to be fair."
    assert marked(text, "order") == ["order"]
    assert marked(text, "harbour order") == ["harbour order"]


def test_a_verb_before_its_object_is_no_mention_as_the_extractor_reads_it():
    """ "Larkovia reserves the right to reply" names no reserves: the extractor reads a word
    before the word opening its object as a verb (phrases.candidates), and the marks follow it,
    so a page's marks equal its "names it N times" (a reader counted 4 marks beside "3 times").
    After a determiner or a preposition it is a noun again ("the reserves the bank holds")."""
    from meetings.core.topics.phrases import candidates

    cases = [
        ("Larkovia reserves the right to reply. Our reserves are large.", "reserve", ["reserves"]),
        ("The reserves the bank holds are big.", "reserve", ["reserves"]),
        ("We export their fish to Tarnwick, and exports grew.", "export", ["exports"]),
        ("After the spring floods the quay was rebuilt.", "spring flood", ["spring floods"]),
    ]
    for text, key, expected in cases:
        assert marked(text, key) == expected, text
        assert candidates(text)[key] == len(expected), text
    first = cases[0][0]
    assert mention_spans(first, {"reserve"})[0][0] == first.index("Our reserves") + 4


def test_times_named_sums_the_forms_a_remark_writes_once_each():
    """What "names it N times" says: as many as the marks (mention_spans) on the page."""
    from meetings.core.topics.mentions import times_named

    # A place and its adjective, each said apart: both count (it said the larger alone).
    counts = {"valdoria": 2, "valdorian": 6, "valdorian fleet": 1, "republic of valdoria": 1}
    assert times_named(counts, ("valdoria", "valdorian", "republic of valdoria")) == 8
    # The extractor counts "Tarnov" inside "President Tarnov" too: once each.
    assert times_named({"tarnov": 3, "president tarnov": 2}, ("tarnov", "president tarnov")) == 3
    # One longer form holding two shorter ones ("United States of America"): one mention.
    counts = {"united state": 1, "america": 1, "united states of america": 1}
    assert times_named(counts, ("united state", "america", "united states of america")) == 1
    # A participle's use key counts for the phrase it marks; a form not written counts nothing.
    assert times_named({"~rolling~stock": 2}, ("rolling stock", "~rolling~stock")) == 2
    assert times_named({"~rolling~stock": 2, "rolling stock": 2}, ("rolling stock", "~rolling~stock")) == 2
    assert times_named({}, ("rolling stock",)) == 1  # carried, so named at least once
    # Whatever the forms, the count equals the marks of a text the counts are read from.
    from meetings.core.topics.phrases import candidates

    text = "Valdoria spoke. The Valdorian fleet and Valdorian ports, the Republic of Valdoria, and Valdoria."
    keys = ("valdoria", "valdorian", "republic of valdoria")
    assert times_named(candidates(text), keys) == len(mention_spans(text, set(keys))) == 5


def test_a_form_written_as_the_end_of_another_name_is_that_names():
    """A one-word form shown under a topic with another key ("America" under the United States,
    "Tarnov" under President Tarnov) written as the last word of a longer name the extractor reads
    ("Latin America", "Melania Tarnov") is that name's: neither marked nor counted, as the scoring
    leaves such a use to the longer name. The topic's own key and a form it holds stay marked."""
    from meetings.core.topics.mentions import other_names, times_marked
    from meetings.core.topics.phrases import candidates

    text = (
        "Our friends from Latin America came, and America sent a note. The United States agreed. "
        "Melania Tarnov met President Tarnov, and Tarnov spoke."
    )
    us = ("united state", "america", "us")
    spans = mention_spans(text, set(us), key="united state")
    assert [text[a:b] for a, b in spans] == ["America", "United States"]
    assert spans[0][0] == text.index("and America") + 4
    counts = candidates(text)
    assert other_names(counts, us, "united state") == {"latin america"}
    assert times_marked(text, us, "united state") == 2
    tarnov = ("president tarnov", "tarnov")
    spans = mention_spans(text, set(tarnov), key="president tarnov")
    assert [text[a:b] for a, b in spans] == ["President Tarnov", "Tarnov"]
    assert times_marked(text, tarnov, "president tarnov") == 2
    # A longer form opened by a word that ends another name is that name's too: the counts, which
    # hold both "western valdorian" and "valdorian partner", cannot tell, the text can.
    partners = "Our Western Valdorian partner came; the Valdorian partner and Valdoria spoke."
    keys = ("valdoria", "valdorian", "valdorian partner")
    assert other_names(candidates(partners), keys, "valdoria") == {
        "western valdorian",
        "western valdorian partner",
    }
    spans = mention_spans(partners, set(keys), "valdoria")
    assert [partners[a:b] for a, b in spans] == ["Valdorian partner", "Valdoria"]
    assert times_marked(partners, keys, "valdoria") == 2
    # A form of two words ending another name ("American countries" of "Latin American countries").
    text = "Latin American countries and the American countries of the north; the United States too."
    us = ("united state", "american", "american country")
    assert other_names(candidates(text), us, "united state") == {"latin american country", "latin american"}
    spans = mention_spans(text, set(us), "united state")
    assert [text[a:b] for a, b in spans] == ["American countries", "United States"]
    assert times_marked(text, us, "united state") == 2
    # A word of a hyphenated one ("intra-Valdorian") is neither counted nor another name's end.
    assert other_names(candidates("The intra-Valdorian talks."), keys, "valdoria") == frozenset()
    # Without the key (as before): every use of the word, as the search finds it.
    assert len(mention_spans(text, set(us))) == 3
    # The key itself at the end of a longer name stays the topic's (the scoring reads it so).
    assert marked("Greater Valdoria and Valdoria.", "valdoria") == ["Valdoria", "Valdoria"]
    t = "Greater Valdoria."
    assert [t[a:b] for a, b in mention_spans(t, {"valdoria"}, key="valdoria")] == ["Valdoria"]


def test_words_of_stage_directions_and_editors_notes_are_not_marked():
    """The extractor reads what was said only: a topic named in an editors' note opening a remark
    ("(commenting on …)") or in a stage direction was marked, and "names it N times" (read from
    the extractor's counts) said one less than the marks."""
    from meetings.core.topics.mentions import spoken_spans, times_marked

    keys = {"valdoria", "valdorian"}
    opening = "(commenting on the Valdorian ferries) The Valdorian quay is full."
    spans = spoken_spans(opening, keys, "valdoria", opening=True)
    assert [opening[a:b] for a, b in spans] == ["Valdorian"] and spans[0][0] > opening.index(")")
    middle = "The quay is full. (The Valdorian anthem is played.) The Valdorian ships sail."
    assert [middle[a:b] for a, b in spoken_spans(middle, keys, "valdoria")] == ["Valdorian"]
    assert len(mention_spans(middle, keys)) == 2  # (every use, as the search finds them)
    assert times_marked(f"{opening}\n\n{middle}", keys, "valdoria") == 2


def test_a_word_before_a_form_in_lower_case_makes_no_other_name():
    """Regression: "the legitimate Valdorian government", "the unilateral US withdrawal", "hack
    America" were read as other names ending in the form ("legitimate valdorian"), so neither
    marked nor counted; only words written as a name (capitalised) make one."""
    from meetings.core.topics.mentions import times_marked

    keys = ("valdoria", "valdorian")
    text = "We back the legitimate Valdorian government, preserve Valdorian statehood, and hack Valdoria."
    assert [text[a:b] for a, b in mention_spans(text, set(keys), "valdoria")] == [
        "Valdorian",
        "Valdorian",
        "Valdoria",
    ]
    assert times_marked(text, keys, "valdoria") == 3
    us = ("united state", "america", "us")
    text = "They hack America, America hacks them; the unilateral US withdrawal; Latin America waits."
    assert [text[a:b] for a, b in mention_spans(text, set(us), "united state")] == [
        "America",
        "America",
        "US",
    ]


def test_the_page_reads_another_name_as_the_scoring_does():
    """Regression (review): the page took a capitalised word for a name's and the scoring did not,
    so "Moderate Valdorian groups …" opening a sentence was listed under Valdoria with no mark, and
    "the Free Valdorian Army" was marked though the scoring gives it to the army. One rule now
    (mentions.other_names, words_of_a_name); and a named one of what an acronym stands for
    ("Pregolskaya TPP") is one of them."""
    from meetings.core.topics.mentions import times_marked

    keys = ("valdoria", "valdorian")
    text = "Moderate Valdorian groups met us. The Free Valdorian Army left, and Valdoria is calm."
    spans = mention_spans(text, set(keys), "valdoria")
    assert [text[a:b] for a, b in spans] == ["Valdorian", "Valdoria"]
    assert spans[0][0] == text.index("Valdorian")
    assert times_marked(text, keys, "valdoria") == 2
    tpp = ("thermal power plant", "tpp")
    text = "We launch the Pregolskaya TPP today, and the Mayakovskaya TPP next week."
    assert len(mention_spans(text, set(tpp), "thermal power plant")) == 2
