"""Topic aggregates rebuilt with the topics (TopicSpeaker, TopicMeeting, the turn's date, meeting,
position and speaker copied onto TurnTopic): they equal what the topic page used to group at
request time, and the page's queries do not grow with the archive."""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict

import pytest
from django.db import connection, transaction
from django.db.models import Count, F
from django.test.utils import CaptureQueriesContext

from meetings.core.generator import generate
from meetings.core.topics import scoring
from meetings.core.topics.subjects import common_weight, distinct_from_english, zipf
from meetings.derived import topic_index
from meetings.models import Meeting, Participant, Topic, TopicMeeting, TopicSpeaker, TurnTopic
from meetings.sql import swap
from meetings.web.filters import TurnTopicFilter
from tests.helpers import ingest


@pytest.fixture
def small(tmp_path):
    ingest(generate(tmp_path / "small", meetings=3, seed=5)[0].parent)


def request_time_raisers(topic):
    """What the topic page computed per request before TopicSpeaker."""
    return list(
        Participant.objects.filter(turns__turn_topics__topic=topic, turns__turn_topics__raised=True)
        .annotate(n=Count("turns__meeting", distinct=True))
        .order_by("-n", "sort_name", "name", "id")
        .values_list("id", "n")
    )


def request_time_meetings(topic):
    return list(
        Meeting.objects.filter(turns__turn_topics__topic=topic)
        .distinct()
        .order_by("-date", "title", "id")
        .values_list("id", flat=True)
    )


@pytest.mark.django_db
def test_precomputed_raisers_and_meetings_equal_the_request_time_aggregates(tmp_path):
    ingest(generate(tmp_path / "a", meetings=12, seed=7)[0].parent)
    topics = list(Topic.objects.all())
    assert len(topics) > 20 and TopicSpeaker.objects.filter(raised__gt=1).exists()
    for topic in topics:
        stored = list(
            TopicSpeaker.objects.filter(topic=topic, raised__gt=0)
            .order_by("rank")
            .values_list("participant_id", "raised")
        )
        assert stored == request_time_raisers(topic), topic.key
        assert list(
            TopicMeeting.objects.filter(topic=topic).order_by("rank").values_list("meeting_id", flat=True)
        ) == request_time_meetings(topic), topic.key
        remarks = dict(
            TurnTopic.objects.filter(topic=topic, turn__speaker__isnull=False)
            .values_list("turn__speaker")
            .annotate(n=Count("id"))
        )
        assert (
            dict(TopicSpeaker.objects.filter(topic=topic).values_list("participant_id", "remarks")) == remarks
        )
    # The copies on TurnTopic are the turn's.
    assert not TurnTopic.objects.exclude(date=F("turn__meeting__date")).exists()
    assert not TurnTopic.objects.exclude(meeting=F("turn__meeting")).exists()
    assert not TurnTopic.objects.exclude(position=F("turn__position")).exists()
    assert (
        not TurnTopic.objects.filter(turn__speaker__isnull=False).exclude(speaker=F("turn__speaker")).exists()
    )
    assert not TurnTopic.objects.filter(turn__speaker__isnull=True, speaker__isnull=False).exists()


@pytest.mark.django_db
def test_filtered_counts_from_the_figures_equal_counting(tmp_path):
    ingest(generate(tmp_path / "a", meetings=6, seed=11)[0].parent)
    topic = Topic.objects.order_by("-remark_count").first()
    people = list(TopicSpeaker.objects.filter(topic=topic).values_list("participant__slug", flat=True)[:3])
    for speaker in ["", *people, "nobody-of-that-name"]:
        for raised in ("", "true", "false"):
            f = TurnTopicFilter(
                {"speaker": speaker, "raised": raised}, queryset=TurnTopic.objects.filter(topic=topic)
            )
            assert f.is_valid()
            assert f.known_count(topic) == f.qs.count(), (speaker, raised)
    f = TurnTopicFilter({"year": "2020"}, queryset=TurnTopic.objects.filter(topic=topic))
    assert f.is_valid() and f.known_count(topic) is None
    # The speaker is an equality on the copied speaker_id (the person looked up first), not a join:
    # PostgreSQL keeps to the index order of (topic, speaker, date) and stops at the page (a join
    # made it read all their remarks).
    f = TurnTopicFilter({"speaker": people[0]}, queryset=TurnTopic.objects.filter(topic=topic))
    sql = str(f.qs.query)
    assert re.search(r'"speaker_id" = \d+', sql) and "JOIN" not in sql


def page_queries(client, path):
    client.get(path)  # the archive version, read once
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(path).status_code == 200, path
    return len(ctx.captured_queries)


@pytest.mark.django_db
def test_topic_page_queries_do_not_grow_with_the_archive(client, tmp_path, settings):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
    ingest(generate(tmp_path / "small", meetings=2, seed=5)[0].parent)

    def counts():
        topic = Topic.objects.order_by("-remark_count", "key").first()
        person = TopicSpeaker.objects.filter(topic=topic, raised__gt=0).order_by("rank").first().participant
        url = topic.get_absolute_url()
        year = TurnTopic.objects.filter(topic=topic).order_by("date").first().date.year
        return [
            page_queries(client, url + q)
            for q in (
                "",
                "?page=1",
                f"?speaker={person.slug}",
                "?raised=true",
                "?raised=false",
                f"?speaker={person.slug}&raised=true",
                f"?year={year}",
            )
        ]

    small = counts()
    ingest(generate(tmp_path / "big", meetings=25, seed=6)[0].parent)
    assert Topic.objects.order_by("-remark_count").first().remark_count > 200
    assert counts() == small
    # archive version, topic, remarks, who spoke on it, on whose profiles, meetings, remarks per year
    # (the count is the topic's own), the archive's meetings per year, topics sharing its words;
    # two more for a speaker (who the slug or name is, their figures), one for a year (a count on
    # the index)
    assert small == [9, 9, 11, 9, 9, 11, 10]
    # a page past the first: one more, to find the meeting it starts in; the same for any page
    url = Topic.objects.order_by("-remark_count", "key").first().get_absolute_url()
    assert page_queries(client, url + "?page=2") == page_queries(client, url + "?page=8") == 10


@pytest.mark.django_db
def test_rebuild_after_writes_in_the_same_transaction(small):
    """Deferred foreign-key checks pending in the caller's transaction (turns just written) do not
    stop the rebuild's table swap and index work."""
    before = sorted(TurnTopic.objects.values_list("turn_id", "topic__key", "weight", "raised", "is_evidence"))
    with transaction.atomic():
        Participant.objects.create(name="Nobody Yet", slug="nobody-yet", sort_name="yet nobody")
        topic_index.rebuild()
    assert (
        sorted(TurnTopic.objects.values_list("turn_id", "topic__key", "weight", "raised", "is_evidence"))
        == before
    )


@pytest.mark.django_db
def test_rebuild_keeps_slugs_and_restores_indexes(small):
    slugs = dict(Topic.objects.values_list("key", "slug"))
    Topic.objects.filter(key=next(iter(slugs))).update(slug="kept-slug")
    topic_index.rebuild()
    assert Topic.objects.get(key=next(iter(slugs))).slug == "kept-slug"
    with connection.cursor() as cur:
        cur.execute("SELECT indexname FROM pg_indexes WHERE tablename = 'meetings_turntopic'")
        names = {r[0] for r in cur.fetchall()}
    assert {
        "turntopic_newest",
        "turntopic_speaker_newest",
        "turntopic_topic_weight",
        "turn_topic_unique",
    } <= names
    assert TurnTopic.objects.create(
        turn=TurnTopic.objects.first().turn, topic=Topic.objects.last(), weight=1
    ).id


def topic_schema() -> list[tuple]:
    """Everything about the topic tables a migration could refer to: columns, indexes,
    constraints (names and definitions), identity sequences and the foreign keys into them."""
    tables = [m._meta.db_table for m in topic_index.TOPIC_MODELS]
    with connection.cursor() as cur:
        cur.execute(
            "SELECT table_name, column_name, ordinal_position, data_type, is_nullable, column_default,"
            " is_identity FROM information_schema.columns WHERE table_name = ANY(%s)",
            [tables],
        )
        rows = [("column", *r) for r in cur.fetchall()]
        cur.execute(
            "SELECT tablename, indexname, indexdef FROM pg_indexes WHERE tablename = ANY(%s)", [tables]
        )
        rows += [("index", *r) for r in cur.fetchall()]
        cur.execute(
            "SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid), confrelid::regclass::text"
            " FROM pg_constraint WHERE conrelid::regclass::text = ANY(%s) OR confrelid::regclass::text = ANY(%s)",
            [tables, tables],
        )
        rows += [("constraint", *r) for r in cur.fetchall()]
        cur.execute("SELECT t, pg_get_serial_sequence(t, 'id') FROM unnest(%s::text[]) t", [tables])
        rows += [("sequence", *r) for r in cur.fetchall()]
        cur.execute("SELECT relname FROM pg_class WHERE relname LIKE %s", ["%" + swap.SUFFIX + "%"])
        rows += [("left over", *r) for r in cur.fetchall()]
    return sorted(rows, key=repr)


@pytest.mark.django_db
def test_rebuild_leaves_the_topic_tables_exactly_as_the_migrations_made_them(small):
    before = topic_schema()
    assert not [r for r in before if r[0] == "left over"]
    topic_index.rebuild()
    assert topic_schema() == before
    topic_index.rebuild()  # and again: nothing accumulates
    assert topic_schema() == before


@pytest.mark.django_db(transaction=True)  # the other connection sees what is committed
def test_pages_read_the_old_topics_while_the_new_ones_load(small, monkeypatch):
    """The rebuild writes new tables and swaps them in at the end: until then another connection
    reads the topic tables without waiting (a TRUNCATE of the live tables made it wait minutes
    at 30,000 meetings)."""
    import psycopg

    settings = connection.settings_dict
    seen = []
    finish = swap.ShadowTables.finish

    def finish_then_read(self):
        finish(self)
        with psycopg.connect(
            host=settings["HOST"],
            port=settings["PORT"] or 5432,
            user=settings["USER"],
            password=settings["PASSWORD"],
            dbname=settings["NAME"],
            autocommit=True,
        ) as other:
            other.execute("SET lock_timeout = '200ms'")
            for model in topic_index.TOPIC_MODELS:
                seen.append(other.execute(f"SELECT count(*) FROM {model._meta.db_table}").fetchone()[0])

    monkeypatch.setattr(swap.ShadowTables, "finish", finish_then_read)
    topic_index.rebuild()
    assert len(seen) == len(topic_index.TOPIC_MODELS)  # every table read, none waited past the timeout
    assert (
        seen[0] == Topic.objects.count() > 0 and seen[1] == TurnTopic.objects.count()
    )  # the same rebuild before


@pytest.mark.django_db
def test_topic_page_remarks_markup(client, tmp_path):
    """The remark list (built in the view) links each remark, its speaker and its meeting as the
    models do, marks the phrase and says whether the remark raised the topic or is a summary."""
    from django.template.defaultfilters import date as format_date

    ingest(generate(tmp_path / "a", meetings=4, seed=9)[0].parent)
    topic = Topic.objects.filter(turn_topics__turn__kind="summary").order_by("-remark_count").first()
    html = client.get(topic.get_absolute_url() + "?page=1").content.decode()
    listed = html.split('<ol class="remark-list">')[1].split("</ol>")[0]
    rows = list(
        TurnTopic.objects.filter(topic=topic)
        .select_related("turn__meeting", "turn__speaker")
        .order_by("-turn__meeting__date", "turn__meeting_id", "turn__position")[:25]
    )
    assert listed.count("<li>") == len(rows)
    for tt, item in zip(rows, listed.split("<li>")[1:]):
        t, m = tt.turn, tt.turn.meeting
        assert f'<time datetime="{m.date:%Y-%m-%d}">{format_date(m.date, "j F Y")}</time>' in item
        assert f'href="{m.get_absolute_url()}#{t.key}"' in item and f'href="{t.get_absolute_url()}"' in item
        assert (
            (f'<a href="{t.speaker.get_absolute_url()}">' in item) if t.speaker else t.display_label in item
        )
        assert ("<strong>raised it</strong>" in item) == tt.raised and ("· responded" in item) != tt.raised
        assert ("summary, not verbatim" in item) == t.is_summary
        assert "<mark>" in item


# --- the scoring against the straightforward version it replaced ---------------------------------
# The rebuild's scoring was rewritten for speed (sums kept per person as it goes, containment as set
# lookups, compact phrase tuples); its output must stay the same floats. This is the former code.


def reference_score(turns: list[scoring.TurnPhrases]) -> scoring.Scored:
    out = scoring.Scored()
    turns = scoring.canonical_turns(turns)
    n = max(1, len(turns))
    df: Counter = Counter()
    for t in turns:
        df.update(t.phrases.keys())
    out.df = df
    # A phrase found inside a longer one in most of its remarks, and most of its uses, is a
    # fragment of it.
    all_uses: Counter = Counter()
    for t in turns:
        for p, c in t.phrases.items():
            all_uses[p] += c
    fragments = {
        q
        for p in df
        for q in df
        if df[p] >= scoring.MIN_TURNS_WITH_PHRASE
        and _ref_contains(p, q)
        and df[p] >= scoring.FRAGMENT_SHARE * df[q]
        and all_uses[p] >= scoring.FRAGMENT_SHARE * all_uses[q]
    }

    def idf(p: str) -> float:
        return math.log((n + 1) / (df[p] + 0.5))

    # Remarks: the most distinctive phrases, a longer phrase hiding the shorter ones it contains.
    full: dict[int, dict[str, float]] = {}
    for t in turns:
        weights: dict[str, float] = {}
        for p, c in t.phrases.items():
            if p in fragments:
                continue
            if df[p] < scoring.MIN_TURNS_WITH_PHRASE and not t.is_summary:
                continue  # a summary is evidence enough on its own
            w = (1 + math.log(c)) * (idf(p) * scoring.LENGTH_BOOST.get(p.count(" ") + 1, 2.0))
            if t.is_summary:
                w *= scoring.SUMMARY_BOOST
            weights[p] = w
        full[t.turn_id] = weights
        chosen: dict[str, float] = {}
        for p, w in sorted(weights.items(), key=lambda kv: (-kv[1], kv[0])):
            if len(chosen) >= scoring.TOPICS_PER_TURN:
                break
            if any(_ref_contains(q, p) or _ref_contains(p, q) for q in chosen):
                continue
            chosen[p] = w
        if chosen:
            out.turn_topics[t.turn_id] = chosen

    by_meeting: dict[int, list[scoring.TurnPhrases]] = defaultdict(list)
    for t in turns:
        by_meeting[t.meeting_id].append(t)
    for meeting_id, mts in by_meeting.items():
        totals: Counter = Counter()
        for t in sorted(mts, key=lambda x: x.position):
            for p, w in out.turn_topics.get(t.turn_id, {}).items():
                totals[p] += w
        m_words = sum(t.words for t in mts)
        m_uses: Counter = Counter()  # each phrase's uses in the meeting, over all its remarks
        for t in mts:
            for p, c in t.phrases.items():
                m_uses[p] += c
        # A rare word said again and again, though no remark has it among its main topics.
        for p in list(m_uses):
            if (
                " " not in p
                and p not in totals
                and p not in fragments
                and df[p] >= scoring.MIN_TURNS_WITH_PHRASE
                and m_uses[p] >= scoring.MEETING_MIN_USES
                and zipf(p) < scoring.MEETING_WORD_ZIPF
            ):
                for t in mts:
                    if p in t.phrases:
                        w = (1 + math.log(t.phrases[p])) * idf(p) * scoring.LENGTH_BOOST[1]
                        totals[p] += w * scoring.SUMMARY_BOOST if t.is_summary else w
        weighted = [
            (p, w * common_weight(p))
            for p, w in totals.items()
            if " " in p or distinct_from_english(p, m_uses[p], m_words, min_uses=scoring.MEETING_MIN_USES)
        ]
        said_here: Counter = Counter()
        for t in mts:
            said_here.update(t.phrases)
        out.meeting_topics[meeting_id] = _ref_dedupe(
            sorted(weighted, key=lambda kv: (-kv[1], kv[0])),
            quiet=lambda p, said_here=said_here: said_here[p] < 2,
        )[:40]

    # People: phrases they use markedly more than the archive does.
    total_words = sum(t.words for t in turns) or 1
    phrase_uses: Counter = Counter()
    for t in turns:
        phrase_uses.update(t.phrases)
    meetings_of: dict[str, set[int]] = defaultdict(set)
    meeting_words: Counter = Counter()
    for t in turns:
        meeting_words[t.meeting_id] += t.words
        for p in t.phrases:
            meetings_of[p].add(t.meeting_id)
    chance = scoring.ChanceMeetings(list(meeting_words.values()), total_words)
    # Meetings: the best 12 of their 40 candidates once weighed by burstiness, a phrase the
    # meeting says once only among the best three.
    for mid, cands in out.meeting_topics.items():
        weighed = [(p, w * scoring.burstiness(chance(phrase_uses[p]), len(meetings_of[p]))) for p, w in cands]
        said: Counter = Counter()
        for t in by_meeting[mid]:
            said.update(t.phrases)

        def pick(pool, said=said):
            ranked = sorted(pool, key=lambda kv: (-kv[1], kv[0]))
            return [kv for i, kv in enumerate(ranked) if i < scoring.MEETING_BEST or said[kv[0]] >= 2][
                : scoring.TOPICS_PER_MEETING
            ]

        # As the candidates were before a phrase said once stopped keeping its words off them;
        # then again without the phrases said once that this did not list.
        listed = {p for p, _ in pick(_ref_dedupe(weighed))}
        out.meeting_topics[mid] = pick(
            _ref_dedupe([kv for kv in weighed if said[kv[0]] >= 2 or kv[0] in listed])
        )
    on_meeting_list = {mid: {p for p, _ in mlist} for mid, mlist in out.meeting_topics.items()}
    by_person: dict[int, list[scoring.TurnPhrases]] = defaultdict(list)
    for t in turns:
        if t.speaker_id is not None:
            by_person[t.speaker_id].append(t)
    for pid, pts in by_person.items():
        words = sum(t.words for t in pts) or 1
        few = sum(1 for t in pts if t.phrases) < scoring.SINGLE_REMARK_FROM  # remarks that say anything
        uses: Counter = Counter()
        weight: Counter = Counter()
        remarks: Counter = Counter()
        in_meetings: dict[str, set[int]] = defaultdict(set)
        for t in pts:
            uses.update(t.phrases)
            for p, w in full.get(t.turn_id, {}).items():
                weight[p] += w
                remarks[p] += 1
                in_meetings[p].add(t.meeting_id)
        ranked = []
        others_words = max(1, total_words - words)
        bar = scoring.MIN_RATIO * (1 - words / total_words)  # lower for who is much of the archive
        for p, w in weight.items():
            # The archive's idf softened, or English's for an archive-wide word where larger.
            w *= scoring.person_idf(p, idf(p), df[p], total_words / n) / idf(p)
            # How much more often this person uses the phrase than everyone else does.
            ratio = (uses[p] / words) / ((phrase_uses[p] - uses[p] + 0.5) / others_words)
            if ratio < bar or not distinct_from_english(p, uses[p], words):
                continue
            per_remark = (uses[p] / remarks[p]) ** scoring.REPEAT_EXPONENT
            # Remarks per meeting that carry it, for phrases and words rarer than SPREAD_ZIPF.
            dwelt = remarks[p] / len(in_meetings[p])
            spread = dwelt**scoring.MEETING_EXPONENT if " " in p or zipf(p) < scoring.SPREAD_ZIPF else 1.0
            if remarks[p] < 2 and not few:
                spread *= scoring.SINGLE_REMARK
            burst = scoring.burstiness(chance(phrase_uses[p]), len(meetings_of[p]))
            # The meetings in which the person says it and whose list holds it.
            listed_at = len(
                {t.meeting_id for t in pts if p in t.phrases and p in on_meeting_list[t.meeting_id]}
            )
            if listed_at:
                power = scoring.FEW_REMARKS_MEETING_LIST_EXPONENT if few else scoring.MEETING_LIST_EXPONENT
                burst *= (1 + listed_at) ** (power * (1 - words / total_words))
            # The remarks that carry it, by the person's share of the archive's words.
            most = remarks[p] ** (scoring.DOMINANCE_EXPONENT * (words / total_words))
            ranked.append(
                (
                    p,
                    w * per_remark * spread * min(ratio, 8.0) ** 0.5 * common_weight(p) * burst * most,
                    remarks[p],
                )
            )
        ranked.sort(key=lambda x: (-x[1], x[0]))
        # A topic said only inside one longer phrase of the person's is shown as that phrase.
        ranked = ranked[: 3 * scoring.TOPICS_PER_PERSON]
        shown, seen = [], set()
        for p, w, r in ranked:
            inside = [
                q for q in remarks if _ref_contains(q, p) and uses[q] >= scoring.OWN_FRAGMENT_SHARE * uses[p]
            ]
            if inside:
                p = min(inside, key=lambda q: (-uses[q], -len(q), q))
                r = remarks[p]
            if p not in seen:
                seen.add(p)
                shown.append((p, w, r))

        # What goes below (said once) keeps nothing it overlaps off the list.
        def goes(p, uses=uses, few=few, much=words >= scoring.ONCE_SAID_WORDS):
            common_once = " " not in p and uses[p] < 2 and zipf(p) >= scoring.ONCE_COMMON_ZIPF
            return (few and common_once) or (much and uses[p] < 2)

        listed = _ref_dedupe_people(shown, quiet=goes)[: scoring.TOPICS_PER_PERSON]
        if few:
            # Someone of few remarks: a common English word they said once is chance.
            listed = [
                item
                for item in listed
                if " " in item[0] or uses[item[0]] >= 2 or zipf(item[0]) < scoring.ONCE_COMMON_ZIPF
            ]
        if words >= scoring.ONCE_SAID_WORDS:
            # Someone who said much: what they named once they named in passing.
            listed = [item for item in listed if uses[item[0]] >= 2]
        out.person_topics[pid] = listed

    # A person's own topics are topics of every remark of theirs that carries them, and a listed
    # topic (anyone's, any meeting's) is a topic of every remark that uses it DWELT_USES times, or
    # that says it and whose meeting lists it (after the own ones).
    own = {pid: {p for p, _, _ in plist} for pid, plist in out.person_topics.items()}
    listed = {p for plist in out.person_topics.values() for p, _, _ in plist}
    listed |= {p for mlist in out.meeting_topics.values() for p, _ in mlist}
    topics = {}
    for t in turns:
        chosen = dict(out.turn_topics.get(t.turn_id, {}))
        dwelt = {p for p in listed if t.phrases.get(p, 0) >= scoring.DWELT_USES}
        dwelt |= {p for p, _ in out.meeting_topics.get(t.meeting_id, []) if p in t.phrases}
        mine = own.get(t.speaker_id, set())
        for p in [*sorted(mine & set(t.phrases)), *sorted(dwelt - mine)]:  # own topics first
            if p not in chosen:
                chosen[p] = full[t.turn_id][p]
        if chosen:
            topics[t.turn_id] = chosen
    out.turn_topics = topics
    # Raised: of the remarks that carry a topic in a meeting, the first.
    first: dict[tuple[int, str], scoring.TurnPhrases] = {}
    for t in turns:
        for p in topics.get(t.turn_id, {}):
            k = (t.meeting_id, p)
            if k not in first or t.position < first[k].position:
                first[k] = t
    out.raised = {(t.turn_id, p) for (_, p), t in first.items()}
    return out


def _ref_contains(longer: str, shorter: str) -> bool:
    return longer != shorter and f" {shorter} " in f" {longer} "


def _ref_dedupe(items: list[tuple[str, float]], quiet=lambda p: False) -> list[tuple[str, float]]:
    kept: list[tuple[str, float]] = []
    for p, w in items:
        if any(_ref_contains(q, p) or _ref_contains(p, q) for q, _ in kept if not quiet(q)):
            continue
        kept.append((p, w))
    return kept


def _ref_dedupe_people(items, quiet=lambda p: False):
    kept = []
    for p, w, r in items:
        if any(_ref_contains(q, p) or _ref_contains(p, q) for q, _, _ in kept if not quiet(q)):
            continue
        kept.append((p, w, r))
    return kept


def _invented_turns(seed: int, n: int, compact: bool):
    import random

    rng = random.Random(seed)
    words = [
        "water",
        "supply",
        "school",
        "meal",
        "ferry",
        "timetable",
        "quay",
        "wall",
        "tram",
        "depot",
        "harbour",
    ]
    vocab = sorted({" ".join(rng.sample(words, rng.choice([1, 1, 2, 2, 3, 4]))) for _ in range(120)})

    turns = []
    for i in range(n):
        counts = Counter({p: rng.choice([1, 1, 1, 2, 3]) for p in rng.sample(vocab, rng.randint(0, 14))})
        if len(counts) >= 8:
            # A word no phrase holds, said among many phrases: never among a remark's main topics,
            # a meeting's topic where it is said again and again (scoring.MEETING_WORD_ZIPF).
            counts["bollard"] = 1
        phrases = scoring.PhraseCounts(tuple(counts), tuple(counts.values())) if compact else counts
        turns.append(
            scoring.TurnPhrases(
                i + 1,
                i // 9 + 1,
                i % 9 + 1,
                rng.choice([None, 1, 2, 3, 4, 5]),
                rng.random() < 0.1,
                phrases,
                rng.randint(0, 300),
            )
        )
    # A speaker of eight remarks among the others, a thousand words or more, who names something
    # once in each ("net loft 0", said once more elsewhere in the archive), and says "kelp store"
    # in two of them.
    for i, t in enumerate(turns[7::50]):
        own = Counter(t.phrases) + Counter({f"net loft {i}": 1, "kelp store": 1 if i < 2 else 0})
        t.phrases = scoring.PhraseCounts(tuple(own), tuple(own.values())) if compact else own
        t.speaker_id, t.words = 6, 150 + 10 * i
    for i, t in enumerate(turns[8::50]):
        other = Counter(t.phrases) + Counter({f"net loft {i}": 1, "kelp store": 1})
        t.phrases = scoring.PhraseCounts(tuple(other), tuple(other.values())) if compact else other
    return turns


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_scoring_matches_the_reference(seed):
    want = reference_score(_invented_turns(seed, 400, compact=False))
    for compact in (False, True):
        got = scoring.score(_invented_turns(seed, 400, compact=compact))
        assert got.raised == want.raised and got.df == want.df
        assert list(got.turn_topics) == list(want.turn_topics)
        assert all(
            list(got.turn_topics[t].items()) == list(want.turn_topics[t].items()) for t in want.turn_topics
        )
        assert got.person_topics == want.person_topics and list(got.person_topics) == list(want.person_topics)
        assert got.meeting_topics == want.meeting_topics
