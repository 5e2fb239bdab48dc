"""Resolving names against what the archive knows (pure, no database)."""

from meetings.core.identity import AliasIndex, KnownAlias, alias_fields, resolve


def index(**people):
    aliases = []
    for pid, names in people.items():
        for n in names:
            aliases.append(KnownAlias(participant_id=int(pid[1:]), **alias_fields(n)))
    return AliasIndex(aliases)


def test_exact_variant_initial_and_new():
    idx = index(p1=["Sergei Kolmar"], p2=["Tatyana Weller"], p3=["Anton Repnin"], p4=["Dmitry Halvorsen"])
    assert resolve(["Mr Sergei  KOLMAR"], idx).participant_id == 1
    r = resolve(["Sergey Kolmar"], idx)
    assert (r.participant_id, r.how) == (1, "variant")
    assert resolve(["Tatiana Weller"], idx).participant_id == 2
    r = resolve(["A. Repnin"], idx)
    assert (r.participant_id, r.how, r.is_guess) == (3, "initial", True)
    r = resolve(["Alexander Halvorsen"], idx)
    assert (r.participant_id, r.how) == (None, "new")
    assert resolve(["B. Repnin"], idx).participant_id is None
