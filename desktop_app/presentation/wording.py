"""How values read in the window, the PDF and the CSV: role and kind names, dates, metrics.

Pure Python, shared by every output, so the same thing is always called the
same.  Words that depend on the event (the stance poles) come from the
seminar's scale, never from here.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Collection

from ..model.analysis.seminar_analysis import ThemeMetrics, format_measure, stance_label, verdict_label
from ..model.format.schema import Kind, Role, Scale, Seminar, Speaker

ROLE_LABELS = {
    Role.CHAIR: "Chair",
    Role.MODERATOR: "Moderator",
    Role.OPENING: "Opening remarks",
    Role.PANELLIST: "Panellist",
    Role.DISCUSSANT: "Discussant",
    Role.RESPONDENT: "Respondent",
    Role.CLOSING: "Closing remarks",
    Role.PROPOSER: "Proposer",
    Role.OPPOSER: "Opposer",
    Role.WITNESS: "Witness",
    Role.SPEAKER: "Speaker",
}

KIND_LABELS = {
    Kind.ASSESSMENT: "Assessment",
    Kind.PREDICTION: "Prediction",
    Kind.PRESCRIPTION: "Prescription",
    Kind.QUESTION: "Open question",
    Kind.HISTORY: "History",
    Kind.SUMMARY: "Chair's summary",
}

MODE_LABELS = {"in-person": "In person", "virtual": "Virtual", "hybrid": "Hybrid"}


def role_label(role: Role) -> str:
    return ROLE_LABELS[role]


def leader_label(leader: Speaker) -> str:
    """What the person who led the event is called: their own role when it is chair or moderator."""
    return "Moderator" if leader.role is Role.MODERATOR else "Chair"


KIND_PLURALS = {
    Kind.ASSESSMENT: "assessments",
    Kind.PREDICTION: "predictions",
    Kind.PRESCRIPTION: "prescriptions",
    Kind.QUESTION: "questions",
    Kind.HISTORY: "history",
    Kind.SUMMARY: "chair's summaries",
}
"""Each kind of position in the plural, as running text names a group of them (the window's Count words)."""


def kind_label(kind: Kind) -> str:
    return KIND_LABELS[kind]


def kinds_phrase(kinds: Collection[Kind]) -> str:
    """``assessments, predictions and prescriptions``: the kinds in the format's order; ``no kind`` for none."""
    words = [KIND_PLURALS[kind] for kind in Kind if kind in kinds]
    if not words:
        return "no kind"
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def capital(text: str) -> str:
    """``text`` with its first letter made a capital, the rest as it is (``Consensus: support``)."""
    return text[:1].upper() + text[1:]


def signed(stance: float) -> str:
    """``+2``, ``0``, ``−1``, ``+1.5``: a stance with its sign, using a true minus."""
    text = f"{stance:+.1f}" if stance != int(stance) else f"{int(stance):+d}"
    return "0" if text in {"+0", "-0"} else text.replace("-", "\u2212")


def stance_words(stance: float, scale: Scale) -> str:
    """``+2 strong convergence``."""
    return f"{signed(stance)} {stance_label(stance, scale)}"


def speaker_line(speaker: Speaker) -> str:
    """Job title and affiliation on one line, as far as they are known."""
    parts = [part for part in (speaker.job_title, speaker.affiliation) if part]
    return ", ".join(parts)


_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December")


def long_date(day: dt.date, weekday: bool = False) -> str:
    """``25 August 2021`` (``Wednesday 25 August 2021``) in English, whatever the system's locale.

    The brief is written in English; strftime's names follow the locale, which
    Qt sets from the environment, and would mix languages on one page.
    """
    text = f"{day.day} {_MONTHS[day.month - 1]} {day.year}"
    return f"{_WEEKDAYS[day.weekday()]} {text}" if weekday else text


def seminar_when(seminar: Seminar) -> str:
    """``Wednesday 25 August 2021, 14:00–16:00``."""
    text = long_date(seminar.date, weekday=True)
    if seminar.start_time:
        text += f", {seminar.start_time:%H:%M}"
        if seminar.end_time:
            text += f"\u2013{seminar.end_time:%H:%M}"
    return text


def mode_label(seminar: Seminar) -> str:
    return MODE_LABELS.get(seminar.mode.value, seminar.mode.value)


def number(value: float | None, digits: int = 2) -> str:
    """A metric for display; ``—`` when there is none."""
    if value is None:
        return "\u2014"
    return f"{value:.{digits}f}".replace("-", "\u2212")


def metrics_summary(metrics: ThemeMetrics, scale: Scale) -> list[tuple[str, str]]:
    """The metrics of a theme as (name, value) pairs, in the order every view shows them."""
    return [
        ("Speakers", str(metrics.n)),
        (scale.positive.capitalize(), str(metrics.convergent)),
        (scale.neutral.capitalize(), str(metrics.mixed)),
        (scale.negative.capitalize(), str(metrics.divergent)),
        ("Median", format_measure(metrics.median)),
        ("Consensus", format_measure(metrics.consensus)),
        ("Verdict", verdict_label(metrics.verdict, scale) + (" (tentative)" if metrics.tentative else "")),
    ]


WORD_JOINER = "\u2060"


def unbreakable(name: str) -> str:
    """``name`` joined so that a line never breaks inside it (Chinese names included): for lists of names."""
    joined = WORD_JOINER.join(name) if any(ord(c) >= 0x2E80 for c in name) else name
    return joined.replace(" ", "\u00a0")


class _WithoutCombiningMarks(dict[int, int | str | None]):
    """A str.translate table that deletes combining marks, filled in as characters are met.

    translate() looks each character up in C; only a character seen for the
    first time costs a Python call, so folding long texts stays fast.
    """

    def __missing__(self, code: int) -> int | None:
        kept = None if unicodedata.combining(chr(code)) else code
        self[code] = kept
        return kept


_LETTERS_WITHOUT_DECOMPOSITION = {
    "\u0141": "L", "\u0142": "l",  # Ł ł (Polish)
    "\u00d8": "O", "\u00f8": "o",  # Ø ø (Danish, Norwegian)
    "\u0110": "D", "\u0111": "d", "\u00d0": "D", "\u00f0": "d",  # Đ đ (Croatian), Ð ð (Icelandic)
    "\u00c6": "AE", "\u00e6": "ae", "\u0152": "OE", "\u0153": "oe",  # Æ æ Œ œ
    "\u00de": "TH", "\u00fe": "th",  # Þ þ (Icelandic)
    "\u0131": "i",  # dotless ı (Turkish)
    "\u0126": "H", "\u0127": "h",  # Ħ ħ (Maltese)
    "\u0166": "T", "\u0167": "t",  # Ŧ ŧ (Sámi)
    "\u014a": "N", "\u014b": "n",  # Ŋ ŋ (Sámi)
    "\u0138": "k",  # ĸ (Greenlandic)
    "\u00df": "ss", "\u1e9e": "SS",  # ß ẞ
}
"""Letters that Unicode gives no accent-free form, matched as the base letters a reader would type."""

_STRIP_MARKS = _WithoutCombiningMarks(
    {ord(letter): base for letter, base in _LETTERS_WITHOUT_DECOMPOSITION.items()}
    | {ord(invisible): None for invisible in (WORD_JOINER, "\u200b")}  # joins and breaks made for display only
)


def fold(text: str) -> str:
    """Text for matching a search: case and accents ignored (``Zürich`` matches ``zurich``, ``Łódź`` ``lodz``)."""
    if text.isascii():
        return text.lower()
    return unicodedata.normalize("NFKD", text).translate(_STRIP_MARKS).casefold()
