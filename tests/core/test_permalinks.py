"""Key assignment and slugs: identical input, identical URLs; edits keep what did not change."""

from __future__ import annotations

import datetime

import pytest

from meetings.core.permalinks import (
    KeyedTurn,
    NewTurn,
    assign_keys,
    key_prefix,
    meeting_identity,
    meeting_slug,
    participant_slug,
    tag_uri,
    unique_slug,
)


def keyed(keys_texts):
    return [KeyedTurn(key=k, prefix=k.rsplit("-", 1)[0], text=t) for k, t in keys_texts]


def test_first_assignment_numbers_each_speaker_in_order():
    new = [
        NewTurn("helena-marsh", "a"),
        NewTurn("remark", "b"),
        NewTurn("helena-marsh", "c"),
        NewTurn("remark", "d"),
    ]
    keys, gone = assign_keys(new, [])
    assert keys == ["helena-marsh-1", "remark-1", "helena-marsh-2", "remark-2"]
    assert gone == []


def test_unchanged_turns_keep_keys_when_others_are_inserted_or_removed_before_them():
    old = keyed(
        [("helena-marsh-1", "Opening."), ("tomas-reyes-1", "Point one."), ("helena-marsh-2", "Reply.")]
    )
    new = [
        NewTurn("ada-lind-1".rsplit("-", 1)[0], "A new remark inserted first."),
        NewTurn("helena-marsh", "Opening."),
        NewTurn("helena-marsh", "Reply."),
    ]
    keys, gone = assign_keys(new, old)
    assert keys == ["ada-lind-1", "helena-marsh-1", "helena-marsh-2"]
    assert [g.key for g in gone] == ["tomas-reyes-1"]


def test_a_lightly_edited_turn_keeps_its_key_and_new_ordinals_never_reuse_retired_ones():
    old = keyed(
        [
            ("helena-marsh-1", "We will open the library on Monday morning at nine."),
            ("helena-marsh-3", "Thank you."),
        ]
    )
    new = [
        NewTurn("helena-marsh", "We will open the library on Monday morning at ten."),
        NewTurn("helena-marsh", "Something entirely new and different."),
    ]
    keys, gone = assign_keys(new, old, retired=["helena-marsh-4"])
    assert keys == ["helena-marsh-1", "helena-marsh-5"]
    assert [g.key for g in gone] == ["helena-marsh-3"]


def test_repeated_identical_turns_pair_up_in_order():
    old = keyed([("remark-1", "Yes."), ("remark-2", "Yes.")])
    keys, _ = assign_keys([NewTurn("remark", "Yes."), NewTurn("remark", "Yes.")], old)
    assert keys == ["remark-1", "remark-2"]


def test_slugs_are_readable_and_stable():
    d = datetime.date(2021, 12, 9)
    assert (
        meeting_slug(d, "Meeting of the Council for Civil\u00a0Society")
        == "2021-12-09-meeting-of-council-for-civil-society"
    )
    assert meeting_identity(d, "Meeting of the Council") == meeting_identity(d, "Meeting of Council")
    long = meeting_slug(
        d, "Meeting with representatives of socially oriented and charitable organisations and volunteers"
    )
    assert not long.endswith("-and") and len(long) <= 101
    assert participant_slug("Zoë Ångström") == "zoe-angstrom"
    assert participant_slug("Yelena Topoleva-Soldunova") == "yelena-topoleva-soldunova"
    # Letters no accent stripping reaches keep a Latin letter (they had been dropped: "ukasz-waecki").
    assert participant_slug("Łukasz Wałecki") == "lukasz-walecki"
    assert participant_slug("Søren Kjærgaard") == "soren-kjaergaard"
    assert participant_slug("Milorad Đurović") == "milorad-durovic"
    assert participant_slug("Kemal Işıkgün") == "kemal-isikgun"
    assert participant_slug("Heinz Weiß") == "heinz-weiss"
    assert unique_slug("a", {"a", "a-2"}.__contains__) == "a-3"
    assert key_prefix(None, "Question (retranslated)", "speech") == "question"
    assert key_prefix(None, None, "summary") == "summary"


def test_an_edited_long_turn_goes_to_its_closest_old_text_and_a_rewrite_to_none():
    body = " ".join(
        f"The council heard item {n} on the harbour budget, and the chair moved on." for n in range(60)
    )
    other = " ".join(
        f"Residents asked about bus route {n} and the winter timetable again." for n in range(60)
    )
    old = keyed([("ada-lind-1", other), ("ada-lind-2", body), ("ada-lind-3", body[:1500])])
    edited = body.replace("item 7 on", "item 7, after a short recess, on")  # a few words added
    rewrite = " ".join(
        f"Nobody mentioned fisheries quota number {n} during the long debate." for n in range(60)
    )
    keys, gone = assign_keys([NewTurn("ada-lind", rewrite), NewTurn("ada-lind", edited)], old)
    assert keys == ["ada-lind-4", "ada-lind-2"]  # the closest text wins over a shorter near match
    assert sorted(g.key for g in gone) == ["ada-lind-1", "ada-lind-3"]


def test_a_remark_credited_to_someone_else_keeps_its_key():
    long = "The north quay will be repaired before the winter storms, and the ferries will run."
    old = [
        KeyedTurn("rights-anna-kovalenko-1", "rights-anna-kovalenko", long),
        KeyedTurn("helena-marsh-1", "helena-marsh", "Thank you."),
    ]
    new = [NewTurn("anna-kovalenko", long), NewTurn("pavel-orlin", "Thank you.")]
    keys, gone = assign_keys(new, old)
    assert keys == ["rights-anna-kovalenko-1", "pavel-orlin-1"]
    assert [o.key for o in gone] == ["helena-marsh-1"]  # a short courtesy is not followed across speakers


def test_tag_uris_name_the_entry_not_the_address():
    assert (
        tag_uri("Archive.Example.org", "2026", "/meetings/2022-10-03-harbour/helena-marsh-2/")
        == "tag:archive.example.org,2026:meetings/2022-10-03-harbour/helena-marsh-2"
    )
    assert tag_uri("editor@Example.org", "2026-01-31", "/feeds/meetings.atom") == (
        "tag:editor@example.org,2026-01-31:feeds/meetings.atom"
    )
    # Anything outside RFC 4151's characters is %-encoded (UTF-8); "/" and ":" stay.
    assert tag_uri("example.org", "2026", "/a b/é:x") == "tag:example.org,2026:a%20b/%C3%A9:x"


def test_tag_uris_refuse_an_authority_or_date_rfc_4151_does_not_allow():
    for authority in ("http://example.org", "example.org:8000", "", "-example.org", "exa mple.org"):
        with pytest.raises(ValueError):
            tag_uri(authority, "2026", "/x/")
    for date in ("26", "2026-13", "2026-01-32", "2026/01", ""):
        with pytest.raises(ValueError):
            tag_uri("example.org", date, "/x/")


def test_a_remark_that_lost_or_gained_a_whole_paragraph_keeps_its_key():
    """A parser fix moves a paragraph out of a remark (a page's note read as the speaker's words,
    another speaker's reply) or into it: the remark's other paragraphs are as they were, so it is
    the same remark and keeps its link, however much of its text the paragraph was. A remark whose
    only paragraph in common with the old is short ("Thank you.") is no match."""
    said = "The quay will be mended before the winter storms, and the ferry will run every day of the week."
    note = "Plans for the harbour and the new breakwater of the north quay were discussed separately."
    reply = "\n\n".join(
        f"Item {n} of the budget was read out by the treasurer and approved." for n in range(9)
    )
    old = keyed(
        [
            ("helena-marsh-1", f"{said}\n\n{note}\n\n<…>"),
            (
                "helena-marsh-2",
                "Thank you.\n\nThe ferry timetable was discussed at length afterwards, in private.",
            ),
            ("helena-marsh-3", f"{said} Again.\n\n{reply}"),
        ]
    )
    new = [
        NewTurn("helena-marsh", f"{said}\n\n<…>"),
        NewTurn("helena-marsh", "Thank you."),
        NewTurn("helena-marsh", f"{said} Again."),
    ]
    keys, gone = assign_keys(new, old)
    assert keys == ["helena-marsh-1", "helena-marsh-4", "helena-marsh-3"]
    assert [g.key for g in gone] == ["helena-marsh-2"]
    # The other way round: a paragraph joins the remark.
    keys, _ = assign_keys(
        [NewTurn("helena-marsh", f"{said}\n\n{note}\n\n<…>")], keyed([("helena-marsh-1", f"{said}\n\n<…>")])
    )
    assert keys == ["helena-marsh-1"]


def test_of_a_remark_split_in_two_the_half_with_more_of_it_keeps_the_key():
    """A parser fix splits a remark: the half that keeps more of its words keeps its link, wherever
    it stands; short lines ("Thank you very much.", "<…>", "Please, go ahead.") that a chairing
    remark shares with the old one are no match, however many."""
    body = [
        f"Paragraph {n} of the report on the harbour, the quay and the ferry timetable." for n in range(6)
    ]
    old = keyed([("chair-1", "\n\n".join(body))])
    keys, _ = assign_keys([NewTurn("chair", body[0]), NewTurn("chair", "\n\n".join(body[1:5]))], old)
    assert keys == ["chair-2", "chair-1"]
    courtesy = ["Thank you very much.", "<…>", "Please, go ahead, colleagues."]
    old = keyed([("chair-1", "\n\n".join([courtesy[0], courtesy[1], *body, courtesy[2]]))])
    keys, gone = assign_keys([NewTurn("chair", "\n\n".join(courtesy))], old)
    assert keys == ["chair-2"] and [g.key for g in gone] == ["chair-1"]
