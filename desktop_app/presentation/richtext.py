"""Small builders of Qt rich text (the HTML subset QTextDocument renders), shared by the window and the PDF.

Every string that comes from a seminar file passes through :func:`esc` before
it reaches markup, so a name like ``<b>Bob</b>`` shows as those characters.
"""

from __future__ import annotations

import html

from ..model.analysis.seminar_analysis import rounded_stance
from ..model.format.schema import Scale
from .awaiting import AWAITING_WORDS
from .colours import stance_hex, stance_text_hex
from .wording import stance_words


def esc(text: str | None) -> str:
    """Text from a file, made safe to place in markup (line breaks kept)."""
    return html.escape(text or "", quote=True).replace("\n", "<br>")


def stance_chip(stance: float, words: str) -> str:
    """A coloured label such as ``+2 strong convergence``; ``words`` is escaped here."""
    whole = rounded_stance(stance)
    background = stance_hex(whole)
    colour = stance_text_hex(whole)
    return (
        f'<span style="background-color:{background}; color:{colour}; font-weight:600;">'
        f"&nbsp;{esc(words)}&nbsp;</span>"
    )


def position_chip(stance: int | None, scale: Scale) -> str:
    """:func:`stance_chip` for a position's stance in the scale's words, or a plain mark while it awaits one."""
    if stance is None:
        # The page's "muted" class colours it, so it follows the palette.
        return f'<span class="muted" style="font-weight:600;"><i>{AWAITING_WORDS}</i></span>'
    return stance_chip(stance, stance_words(stance, scale))


def quotation(text: str, rule_colour: str) -> str:
    """An excerpt set as a quotation: a coloured rule on the left, the words in italics."""
    return (
        '<table cellspacing="0" cellpadding="0" style="margin-top:4px; margin-bottom:2px;"><tr>'
        f'<td width="3" style="background-color:{rule_colour};"></td>'
        f'<td style="padding-left:10px;"><i>\u201c{esc(text.strip())}\u201d</i></td>'
        "</tr></table>"
    )
