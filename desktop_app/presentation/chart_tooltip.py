"""The theme chart's tooltip text: one row's speaker, their stance group and the theme's evidence, as rich text.

Everything from the file is escaped: the tooltip is rich text, the names and
labels are not.
"""

from __future__ import annotations

import html

from ..model.analysis.seminar_analysis import stance_label
from ..model.dataset import Dataset
from .chart_layout import ChartRow, flips_lines, row_note, voices_line
from .wording import metrics_summary, signed


def chart_tooltip(row: ChartRow, dataset: Dataset, block: int | None = None) -> str:
    """Rich text for ``row``: the speaker of block number ``block`` (if any) and their stance group, then the theme's evidence."""
    scale = dataset.seminar.scale
    metrics = row.metrics
    lines = [f"<b>{html.escape(row.label)}</b>"]
    if block is not None:
        hovered = row.blocks[block]
        speaker = dataset.speaker(hovered.speaker_id)
        line = f"<b>{html.escape(speaker.display_name)}</b>: {html.escape(signed(hovered.stance))} {html.escape(stance_label(hovered.stance, scale))}"
        if hovered.divided:
            line += " &middot; <i>divided: their positions here fall on both sides</i>"
        lines.append(line)
        segment = row.segments[hovered.stance]
        count = len(segment.speakers)
        if count > 1:
            names = ", ".join(html.escape(dataset.speaker(s).display_name) for s in segment.speakers)
            lines.append(f"{html.escape(stance_label(segment.band, scale))}: {count} speakers (<i>{names}</i>)")
    lines.append(html.escape(row_note(metrics, scale)))
    if not metrics.verdict.is_stated and metrics.n:
        lines.append("Too few voices for a verdict. " + html.escape(voices_line(metrics, dataset, scale)))
    if metrics.tentative:
        flips = flips_lines(metrics, dataset, scale)
        lines.append("<b>Tentative</b>: " + html.escape("; ".join(flips)))
    table = "".join(
        f"<tr><td>{html.escape(name)}</td><td>&nbsp;&nbsp;<b>{html.escape(value)}</b></td></tr>"
        for name, value in metrics_summary(metrics, scale)
    )
    return "<br>".join(lines) + f"<table cellspacing='0' cellpadding='0' style='margin-top:6px'>{table}</table>"
