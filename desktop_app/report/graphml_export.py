"""The seminar as a network in GraphML, for Gephi, visone, networkx or R.

Nodes are the speakers and the themes.  A speaker–theme edge joins each
speaker to each theme they hold a counted stance on, with that ``stance`` (the
median rule of the analysis) and how many ``positions`` it rests on: Discourse
Network Analyzer's actor × concept network, the stance being its qualifier.  A
speaker–speaker edge joins each pair who share a theme, with their
``agreement``, ``k`` (the themes they share) and ``beyond_chance`` (agreement
corrected for what their own stance mixes would give by chance).  Only the
counted kinds are counted; positions awaiting a stance count nowhere.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterator
from xml.sax.saxutils import escape, quoteattr

from ..model.analysis.seminar_analysis import SeminarAnalysis
from ..model.dataset import Dataset

_KEYS = (
    ("label", "node", "string"),
    ("type", "node", "string"),
    ("role", "node", "string"),
    ("affiliation", "node", "string"),
    ("relation", "edge", "string"),
    ("stance", "edge", "int"),
    ("positions", "edge", "int"),
    ("agreement", "edge", "double"),
    ("k", "edge", "int"),
    ("beyond_chance", "edge", "double"),
)


def _data(key: str, value: object) -> str:
    return f'<data key="{key}">{escape(str(value))}</data>'


def _figure(value: float | None) -> str | None:
    if value is None or not math.isfinite(value):
        return None
    return f"{value:.6g}"


def graphml_lines(dataset: Dataset, analysis: SeminarAnalysis) -> Iterator[str]:
    """The GraphML document, line by line (a large panel's pairs are never held whole)."""
    yield '<?xml version="1.0" encoding="UTF-8"?>\n'
    yield '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">\n'
    for name, domain, kind in _KEYS:
        yield f'  <key id="{name}" for="{domain}" attr.name="{name}" attr.type="{kind}"/>\n'
    yield f'  <graph id={quoteattr(dataset.seminar.title)} edgedefault="undirected">\n'
    for speaker in dataset.speakers:
        parts = [_data("label", speaker.display_name), _data("type", "speaker"), _data("role", speaker.role.value)]
        if speaker.affiliation:
            parts.append(_data("affiliation", speaker.affiliation))
        yield f'    <node id={quoteattr("speaker:" + speaker.id)}>{"".join(parts)}</node>\n'
    for theme in dataset.themes:
        yield f'    <node id={quoteattr("theme:" + theme.id)}>{_data("label", theme.label)}{_data("type", "theme")}</node>\n'
    counted = analysis.counted_kinds
    rated = Counter(
        (p.speaker, p.theme) for p in dataset.positions if p.stance is not None and p.kind in counted
    )
    for speaker in dataset.speakers:
        for theme_id, stance in analysis.speaker_stances(speaker.id).items():
            parts = [_data("relation", "stance"), _data("stance", stance), _data("positions", rated[(speaker.id, theme_id)])]
            yield (
                f'    <edge source={quoteattr("speaker:" + speaker.id)} target={quoteattr("theme:" + theme_id)}>'
                f'{"".join(parts)}</edge>\n'
            )
    ids = analysis.compared_speakers
    for pairs in analysis.pairs_by_row():
        first = ids[pairs.row]
        shared = pairs.shared_themes.tolist()
        agreement, corrected = pairs.agreement.tolist(), pairs.chance_corrected.tolist()
        for offset, k in enumerate(shared):
            if not k:
                continue
            parts = [_data("relation", "agreement"), _data("k", k)]
            for key, value in (("agreement", _figure(agreement[offset])), ("beyond_chance", _figure(corrected[offset]))):
                if value is not None:
                    parts.append(_data(key, value))
            yield (
                f'    <edge source={quoteattr("speaker:" + first)} target={quoteattr("speaker:" + ids[pairs.row + 1 + offset])}>'
                f'{"".join(parts)}</edge>\n'
            )
    yield "  </graph>\n</graphml>\n"
