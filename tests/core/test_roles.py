"""Roles: one office however written, and fragments of sentences left out."""

from __future__ import annotations

from collections import Counter

import pytest

from meetings.core.roles import group_roles, is_office, preferred_form, role_key


@pytest.mark.parametrize(
    "forms",
    [
        [
            "President of Borduria",
            "Bordurian President",
            "President OF BORDURIA",
            "the President of Borduria",
        ],
        ["Minister of Ports and Harbours", "Ports and Harbours Minister", "minister of ports and harbours"],
        [
            "Chair of the Larkspur Council’s Audit Committee",
            "Chair of the Larkspur Council's Audit Committee",
        ],
        ["Larkspur Mayor", "Mayor of Larkspur"],
        ["Harbours Minister", "Minister of Harbour"],  # singular and plural
        ["Prime Minister of Slovakia", "Prime Minister of the Slovak Republic"],  # a state's two names
        ["President of the Kyrgyz Republic", "President of Kyrgyzstan", "Kyrgyz President"],
        ["Chairman of the Larkspur Bank (LB)", "Larkspur Bank Chairman"],  # a note in brackets
    ],
)
def test_one_office_however_written(forms):
    assert len({role_key(f) for f in forms}) == 1


def test_different_offices_stay_apart():
    keys = {role_key(r) for r in ["Deputy Prime Minister", "Prime Minister", "First Deputy Prime Minister"]}
    assert len(keys) == 3
    others = [
        "President of Slovakia",
        "President of Slovenia",
        "President of the Czech Republic",
        "Minister of Sport",
    ]
    assert len({role_key(r) for r in others}) == 4


@pytest.mark.parametrize(
    "role",
    ["pensioners are worried", "Chairman of the", "Head of Borduria’s", "we have been waiting for this", ""],
)
def test_fragments_are_not_offices(role):
    assert not is_office(role)


@pytest.mark.parametrize(
    "role",
    [
        "Tvorsk",  # "Tvorsk, <Name>:": a phone-in caller's town
        "Larkspur Territory",  # "<Name> (Larkspur Territory):": where a forum delegate comes from
        "Emeric",  # a name the label cut off
    ],
)
def test_a_place_or_a_name_is_no_office(role):
    """No word of an office or an occupation: a profile must not call a town "the latest office"."""
    assert not is_office(role)


@pytest.mark.parametrize(
    "role",
    [
        "Head of the A Just Borduria faction in the Assembly",  # a party named with ordinary words
        "Editor-in-Chief of Borduria Today Television Channel",
        "Presidentof Borduria",  # a word glued in the source is still the office
        "Master mariner",
        "Senior Sergeant",
        "Council member",
        "The athlete’s father and coach",
        "manual arc welding technician at a branch of a plant",
        "Larkspur Rail CEO",
    ],
)
def test_offices_named_with_ordinary_or_unusual_words_are_offices(role):
    assert is_office(role)


@pytest.mark.parametrize(
    "role",
    [
        "welding engineer at a branch of a shipyard",
        "head of the toxicology department",
        "Patriarch of Larkspur and All Borduria",
        "Minister of Civil Defence, Emergencies and Disaster Relief",
    ],
)
def test_offices_and_occupations_are_offices(role):
    assert is_office(role)


def test_the_form_shown_is_the_most_used_then_not_shouting():
    assert (
        preferred_form(Counter({"President of Borduria": 3, "Bordurian President": 5}))
        == "Bordurian President"
    )
    assert preferred_form(["PRESIDENT OF BORDURIA", "President of Borduria"]) == "President of Borduria"


def test_grouping_leaves_out_fragments():
    grouped = group_roles(["President of Borduria", "Bordurian President", "pensioners are worried"])
    assert grouped == {"president of borduria": ["President of Borduria", "Bordurian President"]}


@pytest.mark.parametrize(
    "forms",
    [
        ["President of Borduria", "President of the Republic of Borduria"],
        ["Minister of Ports and Harbours", "Minister of Harbours and Ports"],
        ["Harbour Commission Chairperson", "Chairperson of the Harbour Commission"],
    ],
)
def test_one_office_in_other_words(forms):
    assert len({role_key(f) for f in forms}) == 1


@pytest.mark.parametrize(
    "forms",
    [
        [
            "Kestrel Shipyard General Director",
            "Kestrel Shipyard Director General",
            "Director General of Kestrel Shipyard",
        ],
        ["Chief Executive Officer of Larkspur Rail", "Larkspur Rail CEO"],
        ["Chairman of the Harbour Board", "Chair of the Harbour Board", "Chairwoman of the Harbour Board"],
        ["Bordurian Deputy Prime Minister", "Deputy Prime Minister of Borduria"],
        # The organ of an organisation before or after it: "<Body> Board" is "the Board of <Body>".
        ["Chairman of the Board of the Harbour Commission", "Harbour Commission Board Chairman"],
        ["Head of the Council of the Larkspur Guild", "Larkspur Guild Council Head"],
    ],
)
def test_one_office_spelt_differently(forms):
    assert len({role_key(f) for f in forms}) == 1


def test_a_company_named_after_a_nation_is_not_that_nation():
    # "<Nation>n <Company> CEO" is the CEO of the company, not an office of the nation.
    assert (
        role_key("Bordurian Railways CEO") == "ceo of bordurian railway"
    )  # plural folded: one key for "Railway"
    assert role_key("Bordurian Railways CEO") != role_key("CEO of Borduria")


def test_variants_keep_every_other_spelling_of_an_office():
    from meetings.core.roles import variants

    found = variants(
        [
            "President of Borduria",
            "President of Borduria",
            "Bordurian President",
            "Mayor of Larkspur",
            "we are worried",
        ]
    )
    assert found == {"President of Borduria": ["Bordurian President"], "Mayor of Larkspur": []}


def test_two_offices_held_together_in_either_order_are_one_role():
    assert role_key("Kestrel Shipyard CEO and Chairman of the Management Board") == role_key(
        "Chairman of the Management Board and CEO of Kestrel Shipyard"
    )
    # An "and" inside the name of an office does not cut it in two.
    assert role_key("Minister of Ports and Harbours") == "minister of harbour and port"
    assert role_key("Kestrel Shipyard CEO and Chairman of the Board") != role_key("Kestrel Shipyard CEO")


@pytest.mark.parametrize(
    "role, domains",
    [
        ("Minister of Harbours and Fisheries", ["harbours", "fisheries"]),
        ("Fisheries and Harbours Minister", ["fisheries", "harbours"]),
        ("Minister of Quays, Locks and Canal Traffic", ["quays", "locks", "canal traffic"]),
        ("Minister for the Development of the Northern Marshes", ["northern marshes"]),
        ("Presidential Commissioner for Children's Rights", ["children's rights"]),
        ("Deputy Harbour Minister and Governor of Tarnwick", ["harbour"]),
        ("Prime Minister of Borduria", []),
        ("Governor of Tarnwick Region", []),
        ("CEO of Larkspur Railways", []),
        ("Deputy Prime Minister", []),
        (None, []),
    ],
)
def test_the_portfolio_of_a_ministers_office(role, domains):
    # What a minister or a commissioner answers for, as the role names it: a subject of theirs.
    from meetings.core.roles import portfolio

    assert sorted(portfolio(role)) == sorted(domains)


def test_the_board_of_a_body_is_not_the_body():
    assert role_key("Chairman of the Board of the Harbour Commission") != role_key(
        "Chairman of the Harbour Commission"
    )
    assert role_key("Harbour Commission Board Chairman") != role_key("Harbour Commission Chairman")


@pytest.mark.parametrize(
    "role",
    ["US Secretary of State", "UK Foreign Secretary", "US Ambassador to Borduria"],
)
def test_an_acronym_in_capitals_is_no_word_of_a_sentence(role):
    """ "US" in capitals opening a role is the country, not the pronoun "us": the office is one
    (a profile had shown no office for a secretary of state labelled so)."""
    assert is_office(role)
