"""A deterministic generator of transcripts in the layouts the parser reads, for benchmarks,
load tests and demos: realistic sizes (about 40 turns and 25 KB a meeting, with long tails),
thousands of speakers with a skewed activity (one chair in most meetings), summaries, stage
directions, generic labels, non-ASCII names. Pure Python: the same seed gives the same files.
"""

from __future__ import annotations

import datetime
import random
from dataclasses import dataclass
from pathlib import Path

NB = "\u00a0"
GIVEN = [
    "Anna",
    "Boris",
    "Clara",
    "Dmitri",
    "Elena",
    "Farid",
    "Galina",
    "Hugo",
    "Irina",
    "Jonas",
    "Karin",
    "Lev",
    "Maria",
    "Nikolai",
    "Olga",
    "Pavel",
    "Rosa",
    "Sergei",
    "Tatiana",
    "Umar",
    "Vera",
    "Wiktor",
    "Yulia",
    "Zoë",
    "Åsa",
    "Chloé",
    "José",
    "Łukasz",
    "Søren",
    "Ngozi",
    "Kenji",
    "Aylin",
    "Mateo",
]
SURNAMES = [
    "Abramova",
    "Bergström",
    "Castell",
    "Dahl",
    "Ekwueme",
    "Fedorov",
    "García",
    "Haddad",
    "Ivanova",
    "Jansen",
    "Kowalski",
    "Lindqvist",
    "Morozov",
    "Nyström",
    "Okafor",
    "Petrov",
    "Quist",
    "Rossi",
    "Sokolova",
    "Tanaka",
    "Ulyanova",
    "Varga",
    "Weber",
    "Xu",
    "Yilmaz",
    "Zhukov",
    "Ørsted",
    "Núñez",
    "Brandt",
    "Marsh",
    "Reyes",
    "Natarajan",
    "Halvorsen",
    "Kolmar",
    "Weller",
    "Repnin",
    "Achterberg",
]
ROLES = [
    "Minister of Transport",
    "Mayor of Eastmarch",
    "Council member",
    "Head of the Water Board",
    "Director of the City Library",
    "Governor of the Northern Region",
    "Deputy Mayor for Housing",
    "chairman of the Residents' Association",
    "Rector of Larkspur State University",
    "Head of the Health Directorate",
    "Finance Minister",
    "Port Director",
]
TOPICS = [
    "school meals",
    "tram lines",
    "water supply",
    "heat waves",
    "housing allowances",
    "library hours",
    "bus timetables",
    "flood defences",
    "hospital waiting lists",
    "digital services",
    "street lighting",
    "recycling",
    "youth centres",
    "pension payments",
    "road repairs",
    "air quality",
    "ferry services",
    "foreign agents",
    "migration policy",
    "voter turnout",
    "prison hospitals",
    "QR-codes",
]
VERBS = ["need", "fund", "review", "expand", "protect", "repair", "measure", "publish", "improve", "support"]
FILLER = (
    "the city has to look at {t} before the winter",
    "residents wrote to us about {t} again",
    "we propose to {v} {t} in every district",
    "the budget for {t} was cut by a third last year",
    "I would like to say a few words about {t}",
    "the figures on {t} are worse than we expected",
    "it is our duty to {v} {t}, and we will",
    "colleagues from the regions raised {t} as well",
    "the report on {t} will be ready in May",
    "nobody has counted how much {t} really costs",
)
TITLES = [
    "Meeting of the Council on Civic Affairs",
    "Working meeting on {t}",
    "Meeting with the Government on {t}",
    "Round table on {t}",
    "Press conference on {t}",
    "Meeting of the Board on {t}",
]
PLACES = ["City Hall, Larkspur", "Government House, Eastmarch", "The Harbour, Larkspur", "Northgate", None]


@dataclass
class Speaker:
    name: str
    role: str


def _sentence(rng: random.Random, topic: str) -> str:
    s = rng.choice(FILLER).format(t=topic, v=rng.choice(VERBS))
    return s[0].upper() + s[1:] + rng.choice([".", ".", ".", "?"])


def _paragraph(rng: random.Random, topic: str, nbsp: bool) -> str:
    p = " ".join(
        _sentence(rng, topic if rng.random() < 0.7 else rng.choice(TOPICS)) for _ in range(rng.randint(2, 7))
    )
    if rng.random() < 0.05:
        p += rng.choice([" (Laughter.)", " (Applause.)"])
    if nbsp:
        for w in (" the ", " of ", " to ", " in "):
            p = p.replace(w, w[:-1] + NB)
    return p


def speaker_pool(rng: random.Random, size: int) -> list[Speaker]:
    seen: set[str] = set()
    pool: list[Speaker] = []
    while len(pool) < size:
        name = f"{rng.choice(GIVEN)} {rng.choice(SURNAMES)}{'' if len(seen) < 900 else '-' + rng.choice(SURNAMES)}"
        if name in seen:
            continue
        seen.add(name)
        pool.append(Speaker(name, rng.choice(ROLES)))
    return pool


def meeting_text(
    rng: random.Random, number: int, date: datetime.date, pool: list[Speaker], chair: Speaker
) -> str:
    topic = rng.choice(TOPICS)
    title = rng.choice(TITLES).format(t=topic)
    place = rng.choice(PLACES)
    layout = rng.choices(["dump", "repost", "clean", "newer"], weights=[3, 1, 5, 1])[0]
    nbsp = layout == "dump"
    turns = max(2, min(400, int(rng.lognormvariate(3.5, 0.55))))
    # Skewed activity: a few people speak in many meetings (Pareto over the pool).
    guests = [pool[min(len(pool) - 1, int(rng.paretovariate(1.1)) - 1)] for _ in range(rng.randint(2, 12))]
    body: list[str] = []
    introduced: set[str] = set()
    current = chair
    for i in range(turns):
        who = chair if i % 2 == 0 else rng.choice(guests)
        label = who.name if who.name in introduced else f"{who.role} {who.name}"
        introduced.add(who.name)
        roll = rng.random()
        if roll < 0.04 and who is not chair:
            body.append(
                f"(Council member {who.name} spoke about {rng.choice(TOPICS)} and {rng.choice(TOPICS)}.)"
            )
            continue
        if roll < 0.07:
            body.append(f"{rng.choice(['Question', 'Remark', 'Reply'])}: {_paragraph(rng, topic, nbsp)}")
            continue
        paras = [_paragraph(rng, topic, nbsp) for _ in range(max(1, int(rng.lognormvariate(0.8, 0.6))))]
        body.append(f"{label}: {paras[0]}")
        body.extend(paras[1:])
        current = who
    del current
    date_line = f"{date:%B} {date.day}, {date.year}" + (f", {place}" if place else "")
    lead = f"{chair.name} held a meeting on {topic} with {len(set(g.name for g in guests))} guests."
    sep = "\n" if layout == "newer" else "\n\n"
    if layout == "dump":
        head = [
            "View settings",
            "Font size:\nSite colours:",
            "Official website of the Civic Council",
            "Document /",
            title,
            date_line,
            lead,
            "* * *",
            "Excerpts from the transcript",
        ]
        tail = [date_line]
    elif layout == "repost":
        head = [
            f"CIVICLINK TRANSCRIPT: [{chair.name} at] {title} (transcript concluded)” – CivicLink",
            f"( – {date:%B} {date.day}, {date.year})",
            "[Full transcript here]",
            lead,
        ]
        tail = ["To be continued.", "Comment"]
    elif layout == "newer":
        head = ["Events /", "Select font: Arial", title, lead]
        tail = [date_line]
    else:
        head = [title, date_line, lead]
        tail = []
    return sep.join(head + body + tail) + "\n"


def generate(out: Path, meetings: int, seed: int = 1) -> list[Path]:
    """Write `meetings` transcript files into `out`; returns their paths."""
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    pool = speaker_pool(rng, max(50, min(5000, meetings // 5 + 50)))
    chairs = [
        Speaker("Helena Marsh", "Chair of the Council on Civic Affairs"),
        Speaker("Dmitry Halvorsen", "Governor of the Northern Region"),
    ]
    start = datetime.date(2000, 1, 3)
    paths = []
    for n in range(1, meetings + 1):
        date = start + datetime.timedelta(days=(n * 9500) // max(1, meetings))
        chair = chairs[0] if rng.random() < 0.85 else (chairs[1] if rng.random() < 0.5 else rng.choice(pool))
        # (the seed in the name: two sets are other pages, not edits of one another's)
        path = out / f"meeting-{seed}-{n:06d}.txt"
        path.write_text(meeting_text(rng, n, date, pool, chair), encoding="utf-8")
        paths.append(path)
    return paths
