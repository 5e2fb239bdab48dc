"""A questioner's self-introduction (their name, where they come from, whom they work for) says who
is asking, not what they ask about: it carries no topic of the remark."""

from meetings.core.topics.extract import RemarkText, meeting_phrases, remark_phrases
from meetings.core.topics.introductions import introduction_spans, split_spans


def split_introduction(text: str, label: str = "") -> tuple[str, str]:
    """The text without its speaker's introduction, and the introduction (as extract reads it)."""
    return split_spans(text, introduction_spans(text, label))


def phrases(text: str) -> set[str]:
    counts, _, _ = remark_phrases(RemarkText(text, "Speaker", False), set())
    return {k for k in counts if k[0].isalnum()}


def mentions(found: set[str], *words: str) -> set[str]:
    return {k for k in found if set(k.split()) & set(words)}


def test_name_and_affiliation_sentences_carry_no_topic():
    text = (
        "Good afternoon, Mr President. My name is Marta Kovalenko, I represent the Dobrograd Regional "
        "Broadcasting Company, town of Ozersk. I am a sound engineer there. "
        "My question is about the water supply in the old districts of our town: the pipes are rusty "
        "and the water supply fails every winter."
    )
    found = phrases(text)
    assert "water supply" in found
    assert not mentions(found, "broadcasting", "ozersk", "engineer", "dobrograd", "kovalenko")


def test_a_verbless_outlet_or_city_beside_the_name_goes_with_it():
    text = (
        "Hello. Lakeside Herald newspaper. My name is Oleg Brin. Verkhnegorsk. "
        "Our ferry crossing has been closed for two years and the ferry crossing was the only way "
        "to the regional hospital."
    )
    found = phrases(text)
    assert "ferry crossing" in found
    assert not mentions(found, "lakeside", "herald", "verkhnegorsk", "brin")


def test_an_opening_affiliation_without_a_name_is_an_introduction_too():
    text = (
        "Mr President, I represent Northwind Capital Partners from Norway. "
        "Investors ask how stable the tax regime for long-term infrastructure bonds will be."
    )
    found = phrases(text)
    assert "infrastructure bond" in found
    assert not mentions(found, "northwind", "norway")


def test_what_follows_the_introduction_is_kept_even_when_it_names_the_same_place():
    text = (
        "My name is Ivan Sorokin, I am from Ozersk. Ozersk has no bypass road, and lorries "
        "drive through the centre of Ozersk day and night."
    )
    found = phrases(text)
    assert "ozersk" in found
    assert "bypass road" in found


def test_a_remark_without_an_introduction_is_unchanged():
    text = (
        "I represent the interests of the region in this matter, and I am from a family of miners. "
        "The coal industry needs new safety rules."
    )
    assert split_introduction(text) == (text, "")
    later = (
        "The budget was discussed at length. The deficit is large. We spoke about it yesterday. "
        "My name is on the report, and I represent the committee that wrote it."
    )
    assert split_introduction(later) == (later, "")


def test_only_the_introduction_is_taken_out():
    text = "Good afternoon. My name is Anna Lis, I am a teacher from Ozersk. Why are school buses so old?"
    left, introduction = split_introduction(text)
    assert introduction == "My name is Anna Lis, I am a teacher from Ozersk."
    assert left.startswith("Good afternoon.")
    assert left.endswith("Why are school buses so old?")
    assert "Anna" not in left and "teacher" not in left


def test_what_an_introduction_names_counts_where_the_meeting_speaks_of_it():
    question = RemarkText(
        "Good afternoon. My name is Vera Dolgova, I live in the village of Lower Pechory. "
        "Our only school is to be closed next year, and the children will travel forty kilometres.",
        "Vera Dolgova",
        False,
    )
    outlet = RemarkText(
        "My name is Pyotr Ilin, I represent the Morning Lighthouse newspaper. "
        "When will the new maternity hospital open in the district centre?",
        "Pyotr Ilin",
        False,
    )
    answer = RemarkText(
        "The school in Lower Pechory will not be closed: the governor and I have agreed on that, "
        "and the maternity hospital opens in the spring. The Morning Lighthouse may write it.",
        "The President",
        False,
    )
    follow_up = RemarkText(
        "Thank you. The parents of Lower Pechory will be glad to hear it, and so will the teachers "
        "who wrote to the regional ministry last winter.",
        "Vera Dolgova",
        False,
    )
    remarks = [question, outlet, answer, follow_up]
    (asked, _, _), (written_for, _, _), _, _ = meeting_phrases(remarks, set())
    # The village she asks about, named again in two remarks beyond her introduction, counts.
    assert asked["lower pechory"] == 1
    # The newspaper, named again once only, does not: a topic recurs.
    assert not mentions(set(written_for), "morning", "lighthouse")
    assert not mentions(set(asked), "dolgova", "vera")
    (asked, _, _), _, _ = meeting_phrases([question, outlet, answer], set())
    assert asked["lower pechory"] == 0


def test_the_speakers_own_name_opens_an_introduction_as_news_conferences_write_it():
    text = (
        "Thank you. Vera Lis, Lakeside Herald, Ozersk. Mr President, the bridge over the Sosna "
        "river has been closed for repairs for three years; when will the bridge reopen?"
    )
    found = {k for k in remark_phrases(RemarkText(text, "Vera Lis", False), set())[0] if k[0].isalnum()}
    assert "bridge" in found
    assert not mentions(found, "lakeside", "herald", "ozersk")
    # The same words from someone else are no introduction of theirs.
    other = {k for k in remark_phrases(RemarkText(text, "Pavel Orlov", False), set())[0] if k[0].isalnum()}
    assert mentions(other, "lakeside", "herald")
    assert split_introduction(text, "Question") == (text, "")


def test_the_name_is_read_from_a_label_that_writes_a_title_with_it():
    text = (
        "Good afternoon. I am Vera Lis, Lakeside Herald. The ferry crossing at Ozersk has been closed "
        "for two years, and the ferry crossing was the only way to the hospital."
    )
    found = {
        k for k in remark_phrases(RemarkText(text, "Editor of the Lakeside Herald Vera Lis", False), set())[0]
    }
    assert "ferry crossing" in found
    assert not mentions(found, "lakeside", "herald")
    # A label with no name of two words names no one in the text.
    for label in ("Question", "The Chairman", "Remark (retranslated)"):
        assert split_introduction(text, label) == (text, "")


def test_a_greeting_word_is_read_as_a_whole_word_only():
    # "Hi" is a greeting; "Hillcrest" is a town that the greeting's letters open.
    text = "My name is Vera Lis. Hillcrest. Our harbour needs a new breakwater against the winter storms."
    assert split_introduction(text)[1] == "My name is Vera Lis. . Hillcrest."
