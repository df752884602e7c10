"""Small seminar files built in code, for tests that need a file they can bend out of shape."""

from __future__ import annotations

import copy
import json
from typing import Any

DEBATE_SOURCE = (
    "Opening the debate, the Speaker asked whether the Clean Air Bill should pass.\n\n"
    "Ms Ada Obi said the bill will cut emissions within five years and should pass unamended.\n"
    "Mr Ben Roe argued that the costs fall on small firms, and that the bill must be delayed.\n"
    "On enforcement, Ms Obi conceded that the inspectorate is underfunded."
)

_DEBATE: dict[str, Any] = {
    "format": "seminar-lens/1",
    "seminar": {
        "title": "Second reading: the Clean Air Bill",
        "question": "Should the Clean Air Bill pass?",
        "scale": {"negative": "opposition", "positive": "support", "neutral": "undecided"},
        "organiser": "Committee on the Environment",
        "date": "2024-03-05",
        "start_time": "10:00",
        "venue": "Committee Room 4",
        "mode": "in-person",
        "chair": "speaker",
        "summary": "A short debate on the bill's costs and its enforcement.",
        "source": {"title": "Debate record", "publisher": "The Committee", "text": DEBATE_SOURCE},
    },
    "themes": [
        {"id": "emissions", "label": "Emissions", "description": "Effect on air quality.", "order": 1},
        {"id": "costs", "label": "Costs to business", "order": 2},
        {"id": "enforcement", "label": "Enforcement", "order": 3},
    ],
    "speakers": [
        {"id": "speaker", "name": "The Speaker", "role": "chair", "order": 0},
        {"id": "obi", "name": "Ada Obi", "honorific": "Ms", "role": "proposer", "affiliation": "Green Party", "order": 1},
        {"id": "roe", "name": "Ben Roe", "honorific": "Mr", "role": "opposer", "affiliation": "Trade Party", "order": 2},
    ],
    "positions": [
        {
            "id": "obi-emissions",
            "speaker": "obi",
            "theme": "emissions",
            "stance": 2,
            "kind": "prediction",
            "summary": "Expects cleaner air within five years.",
            "excerpt": "the bill will cut emissions within five years",
        },
        {
            "id": "roe-costs",
            "speaker": "roe",
            "theme": "costs",
            "stance": -2,
            "kind": "prescription",
            "summary": "Wants the bill delayed because of its cost to small firms.",
            "excerpt": "the costs fall on small firms, and that the bill must be delayed",
        },
        {
            "id": "obi-enforcement",
            "speaker": "obi",
            "theme": "enforcement",
            "stance": 0,
            "kind": "assessment",
            "summary": "Admits enforcement is short of money.",
            "excerpt": "the inspectorate is   underfunded",
        },
    ],
}


def debate() -> dict[str, Any]:
    """A valid file for a debate on a bill, in its own words: a fresh deep copy each call."""
    return copy.deepcopy(_DEBATE)


def debate_with_turns(times: bool = True) -> dict[str, Any]:
    """The debate as a transcript: the Speaker's opening (0:00), Obi's line (1:05), then Roe's line (1:02:03)."""
    data = debate()
    data["format"] = "seminar-lens/2"
    obi = DEBATE_SOURCE.index("Ms Ada Obi")
    roe = DEBATE_SOURCE.index("Mr Ben Roe")
    enforcement = DEBATE_SOURCE.index("On enforcement")
    spans = [("speaker", 0, DEBATE_SOURCE.index("\n\n"), 0.0), ("obi", obi, roe - 1, 65.4), ("roe", roe, enforcement - 1, 3723.0)]
    data["seminar"]["source"]["turns"] = [
        {"speaker": speaker, "start": start, "end": end, **({"start_time": at} if times else {})}
        for speaker, start, end, at in spans
    ]
    return data


HEARING_TURNS: list[tuple[str, float, list[tuple[str, str, int, str, str]]]] = [
    ("kim", 0.0, [("budget", "kim-ask", 0, "question", "Kim asked whether the budget is enough")]),
    ("lee", 30.0, [("budget", "lee-budget-1", 1, "assessment", "Lee said the budget is generous")]),
    ("moss", 95.0, [
        ("budget", "moss-budget-1", -1, "assessment", "Moss said the budget falls short"),
        ("staff", "moss-staff-1", 0, "assessment", "Moss said staffing is a mixed picture"),
    ]),
    ("lee", 160.0, [("budget", "lee-budget-2", -1, "assessment", "Lee now thinks the budget falls short after all")]),
    ("nye", 220.0, [("staff", "nye-staff", 1, "assessment", "Nye said staff morale is strong")]),
    ("moss", 260.0, [("staff", "moss-staff-2", 2, "prediction", "Moss said the staffing plan will work very well")]),
    ("kim", 300.0, [("budget", "kim-sum", 0, "summary", "Kim summed up the budget exchange")]),
    ("moss", 330.0, [
        ("budget", "moss-budget-2", -1, "assessment", "Moss said the budget still falls short"),
        ("staff", "moss-staff-3", 0, "assessment", "Moss said staffing is still mixed"),
    ]),
]
"""The hearing's turns: speaker, start time, and the positions in the turn (theme, id, stance, kind, sentence)."""


def hearing(times: bool = True) -> dict[str, Any]:
    """A timed hearing transcript where Lee moves on the budget, Moss holds it and passes through +2 on staff, Nye speaks once.

    Replies on a theme: Moss answers Lee and Lee answers Moss on the budget,
    Moss answers Nye on staff; the chair Kim's question and summary do not count.
    """
    lines: list[str] = []
    turns: list[dict[str, Any]] = []
    positions: list[dict[str, Any]] = []
    offset = 0
    for index, (speaker, at, said) in enumerate(HEARING_TURNS):
        line = " ".join(sentence + "." for *_, sentence in said)
        turn: dict[str, Any] = {"speaker": speaker, "start": offset, "end": offset + len(line)}
        if times:
            following = HEARING_TURNS[index + 1][1] if index + 1 < len(HEARING_TURNS) else at + 60
            turn |= {"start_time": at, "end_time": following - 2}
        turns.append(turn)
        for theme, position_id, stance, kind, sentence in said:
            positions.append({
                "id": position_id, "speaker": speaker, "theme": theme, "stance": stance, "kind": kind,
                "summary": f"{sentence} (paraphrase).", "excerpt": sentence,
            })
        lines.append(line)
        offset += len(line) + 1
    return {
        "format": "seminar-lens/2",
        "seminar": {
            "title": "Hearing on the agency budget",
            "question": "Is the agency funded well enough?",
            "scale": {"negative": "shortfall", "positive": "sufficiency", "neutral": "mixed"},
            "organiser": "Budget Committee",
            "date": "2025-02-03",
            "venue": "Room 2",
            "chair": "kim",
            "source": {"title": "Hearing transcript", "publisher": "Budget Committee", "text": "\n".join(lines), "turns": turns},
        },
        "themes": [{"id": "budget", "label": "Budget", "order": 1}, {"id": "staff", "label": "Staffing", "order": 2}],
        "speakers": [
            {"id": "kim", "name": "Kim Kay", "role": "chair", "order": 0},
            {"id": "lee", "name": "Lee Lund", "role": "witness", "order": 1},
            {"id": "moss", "name": "Moss Mint", "role": "witness", "order": 2},
            {"id": "nye", "name": "Nye Noor", "role": "witness", "order": 3},
        ],
        "positions": positions,
    }


def to_bytes(data: Any) -> bytes:
    return json.dumps(data, ensure_ascii=False, indent=2).encode("utf-8")


MARKUP = "<b>bold</b> <img src=\"file:///etc/hostname\"> <a href=\"https://example.invalid/\">link</a> &amp; [*]"


def markup_debate() -> dict[str, Any]:
    """The debate with markup in every free-text field; the excerpts (and so the source) carry it too."""
    data = debate()
    seminar = data["seminar"]
    for key in ("title", "subtitle", "question", "organiser", "venue", "summary"):
        seminar[key] = f"{key} {MARKUP}"
    seminar["scale"] = {"negative": f"no {MARKUP}", "positive": f"yes {MARKUP}", "neutral": f"unsure {MARKUP}"}
    seminar["source"]["title"] = f"source {MARKUP}"
    seminar["source"]["publisher"] = f"publisher {MARKUP}"
    for theme in data["themes"]:
        theme["label"] = f"{theme['id']} {MARKUP}"
        theme["description"] = f"about {MARKUP}"
    for speaker in data["speakers"]:
        for key in ("name", "affiliation", "job_title", "bio", "summary"):
            speaker[key] = f"{speaker['id']} {key} {MARKUP}"
        speaker["honorific"] = "<i>Dr</i>"
    excerpts = []
    for position in data["positions"]:
        position["summary"] = f"{position['id']} {MARKUP}"
        position["excerpt"] = f"{position['id']} said {MARKUP}"
        excerpts.append(position["excerpt"])
    seminar["source"]["text"] = "Record.\n\n" + "\n\n".join(excerpts)
    return data


# A small panel with every shape the views must handle: a silent chair, a theme nobody
# addressed (listed first in report order), a contested theme, a consensus on each pole
# and a theme where everyone was mixed.  Stances by theme, speaker by speaker.
PANEL_STANCES: dict[str, dict[str, int]] = {
    "quiet": {},
    "trade": {"ana": 2, "ben": -2, "cai": 1, "dee": -1, "eli": 0},
    "energy": {"ana": 1, "ben": 2, "cai": 1},
    "borders": {"dee": -2, "eli": -1, "ben": -1},
    "talks": {"eli": 0, "cai": 0, "fay": 0},
}
PANEL_SPEAKERS = ("host", "ana", "ben", "cai", "dee", "eli", "fay")
PANEL_AFFILIATIONS = {
    "host": "Test Institute",
    "ana": "Harbour College",
    "ben": "Hill University",
    "cai": "University of Zurich",
    "dee": "Harbour College",
    "eli": "Open Forum",
    "fay": "Sea Institute",
}


def panel() -> dict[str, Any]:
    """A valid six-speaker, five-theme seminar built in code: a fresh dict each call.

    The chair ``host`` takes no position, ``ana`` and ``fay`` share no theme, and
    the theme ``quiet`` has none; see
    PANEL_STANCES for the rest.  Only ``ana`` has an honorific (Dr); ``cai``'s
    affiliation is written without accents (Zurich).
    """
    names = {"host": "Hana Host", "ana": "Ana Ames", "ben": "Ben Bly", "cai": "Cai Cole", "dee": "Dee Dunn", "eli": "Eli Eze", "fay": "Fay Fox"}
    labels = {"quiet": "Quiet matters", "trade": "Trade", "energy": "Energy", "borders": "Borders", "talks": "Talks"}
    positions = []
    sentences = ["Hana Host opened the panel and asked whether the partnership will last."]
    for theme_id, stances in PANEL_STANCES.items():
        for speaker_id, stance in stances.items():
            excerpt = f"{names[speaker_id]} judged {labels[theme_id].lower()} at {stance:+d} on the scale"
            sentences.append(excerpt + ".")
            positions.append(
                {
                    "id": f"{speaker_id}-{theme_id}",
                    "speaker": speaker_id,
                    "theme": theme_id,
                    "stance": stance,
                    "kind": "assessment",
                    "summary": f"{names[speaker_id]} on {labels[theme_id].lower()}.",
                    "excerpt": excerpt,
                }
            )
    return {
        "format": "seminar-lens/2",
        "seminar": {
            "title": "Panel on a partnership",
            "question": "Will the partnership last?",
            "organiser": "Test Institute",
            "date": "2024-05-01",
            "venue": "Room 1",
            "chair": "host",
            "source": {"title": "Panel record", "publisher": "Test Institute", "text": "\n".join(sentences)},
        },
        "themes": [
            {"id": theme_id, "label": labels[theme_id], "order": order}
            for order, theme_id in enumerate(PANEL_STANCES, start=1)
        ],
        "speakers": [
            {
                "id": speaker_id,
                "name": names[speaker_id],
                "role": "chair" if order == 0 else "panellist",
                "affiliation": PANEL_AFFILIATIONS[speaker_id],
                "order": order,
            }
            | ({"honorific": "Dr"} if speaker_id == "ana" else {})
            for order, speaker_id in enumerate(PANEL_SPEAKERS)
        ],
        "positions": positions,
    }


WORLD_NAMES = {
    "ana": "Pieter de Vries",
    "ben": "林美玲 (Lin Meiling)",
    "cai": "Hanna Carla Berg",
    "dee": "Åsa Ågren",
    "eli": "Małgorzata Wiśniewska",
}
"""Names from outside English that :func:`world_panel` gives the panel's speakers."""


def world_panel() -> dict[str, Any]:
    """:func:`panel` with Dutch, Chinese, Swedish and Polish names and a middle name (:data:`WORLD_NAMES`)."""
    data = panel()
    for speaker in data["speakers"]:
        speaker["name"] = WORLD_NAMES.get(speaker["id"], speaker["name"])
    return data


def coded_panel(
    positions: list[tuple[str, str, int | None, str]], speakers: tuple[str, ...] = (), themes: tuple[str, ...] = ()
) -> dict[str, Any]:
    """A valid file whose positions are ``(speaker, theme, stance, kind)``, for tests of the analysis and exports.

    Speakers and themes are made from the ids the positions use, plus any
    named in ``speakers`` / ``themes`` (say a chair who takes no position);
    the first speaker chairs.  Each excerpt is a sentence of its own in the source.
    """
    speaker_ids = list(dict.fromkeys([*speakers, *(p[0] for p in positions)]))
    theme_ids = list(dict.fromkeys([*themes, *(p[1] for p in positions)]))
    sentences = [f"Statement {number} by {speaker} on {theme}." for number, (speaker, theme, _, _) in enumerate(positions)]
    return {
        "format": "seminar-lens/2",
        "seminar": {
            "title": "A coded panel",
            "question": "Will it hold?",
            "organiser": "Test Forum",
            "date": "2024-01-01",
            "venue": "Online",
            "mode": "virtual",
            "chair": speaker_ids[0],
            "source": {"title": "Record", "publisher": "Test Forum", "text": "\n".join(sentences) or "Nothing was said."},
        },
        "themes": [{"id": theme, "label": theme.capitalize(), "order": order} for order, theme in enumerate(theme_ids)],
        "speakers": [
            {"id": speaker, "name": f"Speaker {speaker.capitalize()}", "role": "chair" if order == 0 else "panellist", "order": order}
            for order, speaker in enumerate(speaker_ids)
        ],
        "positions": [
            {
                "id": f"p{number}",
                "speaker": speaker,
                "theme": theme,
                "stance": stance,
                "kind": kind,
                "summary": f"Position {number}.",
                "excerpt": sentences[number],
            }
            for number, (speaker, theme, stance, kind) in enumerate(positions)
        ],
    }


TRANSPORT_STATEMENTS: list[tuple[str, str, int, str, str]] = [
    ("chair", "fares", 0, "summary", "the panel agreed that fares matter more than the route map"),
    ("okafor", "fares", 2, "assessment", "a flat fare is the single best thing the city could do for the east side"),
    ("lindqvist", "fares", 1, "prediction", "ridership will rise by a tenth within two years of the flat fare"),
    ("moreau", "fares", -1, "assessment", "the flat fare takes money from buses that are already short of drivers"),
    ("patel", "fares", 1, "assessment", "cheaper fares would bring back the riders we lost in the pandemic"),
    ("okafor", "lanes", 2, "prescription", "the council should paint the bus lanes on Harbour Road this summer"),
    ("lindqvist", "lanes", 2, "assessment", "bus lanes are the cheapest speed-up any network can buy"),
    ("patel", "lanes", 1, "assessment", "lanes work where they are enforced and fail where they are not"),
    ("ng", "lanes", 1, "prediction", "the lanes will cut journey times by five minutes at the peak"),
    ("moreau", "tram", -2, "assessment", "the tram is a vanity project that will eat the bus budget for a decade"),
    ("ng", "tram", 2, "assessment", "the tram is the only line that can carry the new housing at the docks"),
    ("patel", "tram", -1, "prediction", "the tram will open years late and over budget"),
    ("lindqvist", "tram", 1, "assessment", "a tram on the old rail bed would pay for itself in land value"),
    ("okafor", "parking", -1, "assessment", "higher parking charges fall hardest on shift workers"),
    ("ng", "parking", 1, "prescription", "the city should raise parking charges and ring-fence the money for buses"),
    ("moreau", "history", 0, "history", "the last tram was torn up in 1958 and nobody missed it for forty years"),
    ("patel", "night", 0, "question", "who will pay for the night buses once the grant ends"),
]


def transport_panel() -> dict[str, Any]:
    """A city-transport panel with its own poles (opposition / support), a chair's summary, history and a question: no brief."""
    names = {"chair": "Grace Hall", "okafor": "Amara Okafor", "lindqvist": "Erik Lindqvist", "moreau": "Claire Moreau",
             "patel": "Ravi Patel", "ng": "Wendy Ng"}
    labels = {"fares": "Flat fare", "lanes": "Bus lanes", "tram": "Docks tram", "parking": "Parking charges",
              "history": "The old trams", "night": "Night buses"}
    sentences = [f"{names[who]} said {text}." for who, _, _, _, text in TRANSPORT_STATEMENTS]
    return {
        "format": "seminar-lens/2",
        "seminar": {
            "title": "Moving the city: a public panel on the transport plan",
            "question": "Should the council adopt the draft transport plan?",
            "scale": {"negative": "opposition", "positive": "support", "neutral": "undecided"},
            "organiser": "Riverside Civic Society",
            "date": "2025-10-14",
            "start_time": "18:30",
            "end_time": "20:00",
            "venue": "Riverside Library",
            "mode": "hybrid",
            "chair": "chair",
            "source": {
                "title": "Panel notes: Moving the city",
                "publisher": "Riverside Civic Society",
                "published": "2025-10-20",
                "url": "https://example.org/moving-the-city",
                "text": "\n".join(sentences),
            },
        },
        "themes": [{"id": theme, "label": label, "order": order} for order, (theme, label) in enumerate(labels.items())],
        "speakers": [
            {"id": who, "name": name, "role": "chair" if who == "chair" else "panellist", "order": order,
             "affiliation": "Riverside Civic Society" if who == "chair" else None}
            for order, (who, name) in enumerate(names.items())
        ],
        "positions": [
            {"id": f"{who}-{theme}-{number}", "speaker": who, "theme": theme, "stance": stance, "kind": kind,
             "summary": f"{names[who].split()[-1]} on {labels[theme].lower()}, in the analyst's words.",
             "excerpt": text}
            for number, (who, theme, stance, kind, text) in enumerate(TRANSPORT_STATEMENTS)
        ],
    }


# A panel in its own words, with names in Chinese, Polish, Swedish and Spanish and a moderator
# (not a chair) leading it; the poles are "opposition" and "support".
CITY_NAMES = {
    "mod": "Ingrid Sjöström",
    "lin": "林美玲",
    "wu": "吳家豪",
    "kow": "Łukasz Kowałski",
    "ruiz": "Begoña Ruiz Peña",
}
CITY_STANCES: dict[str, dict[str, int]] = {
    "access": {"lin": 2, "wu": -1, "kow": -2, "ruiz": 1},
    "retail": {"lin": 1, "wu": -2, "kow": -1, "ruiz": 2},
    "air": {"lin": 2, "wu": 1, "ruiz": 2},
}


def city_panel() -> dict[str, Any]:
    """A panel on car-free city centres with CJK, Polish, Swedish and Spanish names: a fresh dict each call."""
    labels = {"access": "Accessibility for disabled residents", "retail": "Compensation for shops", "air": "Air quality"}
    sentences = [f"{CITY_NAMES['mod']} opened the panel on whether city centres should ban cars."]
    positions = []
    for theme_id, stances in CITY_STANCES.items():
        for speaker_id, stance in stances.items():
            excerpt = f"{CITY_NAMES[speaker_id]} spoke on {labels[theme_id].lower()} ({stance:+d})"
            sentences.append(excerpt + ".")
            positions.append(
                {
                    "id": f"{speaker_id}-{theme_id}",
                    "speaker": speaker_id,
                    "theme": theme_id,
                    "stance": stance,
                    "kind": "assessment",
                    "summary": f"{CITY_NAMES[speaker_id]} on {labels[theme_id].lower()}.",
                    "excerpt": excerpt,
                }
            )
    affiliations = {"mod": "Stadsmuseet", "lin": "台北市政府", "wu": "Shop Owners' Guild", "kow": "Politechnika Łódzka", "ruiz": "Ayuntamiento de Sevilla"}
    return {
        "format": "seminar-lens/2",
        "seminar": {
            "title": "Car-free city centres",
            "question": "Should city centres ban private cars?",
            "scale": {"negative": "opposition", "positive": "support", "neutral": "undecided"},
            "organiser": "Urban Forum",
            "date": "2025-04-10",
            "venue": "Town Hall",
            "chair": "mod",
            "source": {"title": "Panel record", "publisher": "Urban Forum", "text": "\n".join(sentences)},
        },
        "themes": [{"id": key, "label": label, "order": order} for order, (key, label) in enumerate(labels.items(), start=1)],
        "speakers": [
            {
                "id": speaker_id,
                "name": name,
                "role": "moderator" if order == 0 else "panellist",
                "affiliation": affiliations[speaker_id],
                "order": order,
            }
            for order, (speaker_id, name) in enumerate(CITY_NAMES.items())
        ],
        "positions": positions,
    }
