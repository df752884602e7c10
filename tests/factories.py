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


def coded_panel(
    positions: list[tuple[str, str, int, str]], speakers: tuple[str, ...] = (), themes: tuple[str, ...] = ()
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
