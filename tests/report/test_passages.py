"""Cutting the brief's markup into passages laid out one by one, and placing them on pages."""

from __future__ import annotations

import io

from desktop_app.commands.stderr_progress import StderrProgress
from desktop_app.report.page_layout import (
    ROWS_PER_PART,
    inline_style_sheet,
    split_passages,
)
from desktop_app.report.pagination import place


def unit(number: int) -> str:
    return f"-qt-user-state:{number};"


def test_each_unit_becomes_a_passage_that_starts_at_its_top_level_element():
    """A unit opened inside a table starts its passage at that table, and keeps its keep-with-next mark."""
    html = (
        f'<h2 style="{unit(0)}">Speakers</h2>'
        f'<table><tr><td><p style="{unit(1)}">Ann</p></td></tr></table><p>her summary</p>'
        f'<p style="{unit(2)}">Bob</p>'
    )
    passages = split_passages(html, [True, False, False])
    assert [passage.html for passage in passages] == [
        f'<h2 style="{unit(0)}">Speakers</h2>',
        f'<table><tr><td><p style="{unit(1)}">Ann</p></td></tr></table><p>her summary</p>',
        f'<p style="{unit(2)}">Bob</p>',
    ]
    assert [passage.keep_with_next for passage in passages] == [True, False, False]


def test_a_long_table_is_cut_into_parts_of_a_few_rows():
    """A table of many rows continues in parts of a few rows, the header row in the first, the note after it in the last."""
    rows = "".join(f"<tr><td>row {index}</td></tr>" for index in range(ROWS_PER_PART * 3 + 1))
    html = f'<h2 style="{unit(0)}">Themes</h2><table><thead><tr><th>Theme</th></tr></thead>{rows}</table><p>note</p>'
    passages = split_passages(html, [True])
    assert len(passages) == 4  # three full parts and one of a single row
    assert ["<thead>" in passage.html for passage in passages] == [True, False, False, False]
    assert all(passage.html.count("<table>") == 1 for passage in passages)
    assert passages[0].html.startswith("<h2") and passages[-1].html.endswith("</table><p>note</p>")
    assert sum(passage.html.count("<td>") for passage in passages) == ROWS_PER_PART * 3 + 1
    assert [passage.keep_with_next for passage in passages] == [False, False, False, True]


def test_passages_that_do_not_fit_start_the_next_page():
    """Passages follow one another, and one that would straddle two pages starts the next one instead."""
    assert place([40, 40, 40], [False] * 3, 100) == [0, 40, 100]


def test_command_line_progress_waits_a_second_then_speaks_now_and_then():
    """Progress lines appear on stderr only once the export has lasted a second, then at most twice a second."""
    now = [0.0]
    stream = io.StringIO()
    report = StderrProgress(stream, clock=lambda: now[0])
    report.building("Laying out the brief")
    for done in range(1, 11):
        now[0] = done * 0.2
        report.painted(done, 10)
    lines = stream.getvalue().splitlines()
    assert lines == ["seminar-lens: wrote page 5 of 10", "seminar-lens: wrote page 8 of 10", "seminar-lens: wrote page 10 of 10"]


def test_the_style_sheet_is_written_into_each_element_with_its_own_style_last():
    """Element and class rules reach each element's style, and what the element says itself still comes last, so it wins."""
    sheet = "body { color: #111; } p { margin-top: 0px; } .muted { color: #666; }"
    html = '<p class="muted" style="margin-top:4px;">a</p><b>b</b><p>c</p>'
    assert inline_style_sheet(html, sheet) == (
        '<p class="muted" style="margin-top: 0px; color: #666; margin-top:4px;">a</p><b>b</b>'
        '<p style="margin-top: 0px;">c</p>'
    )


def test_a_table_marked_whole_stays_in_one_passage():
    """A matrix-like table marked ``class="whole"`` is not cut into parts, however many rows past the usual limit."""
    from desktop_app.report.page_layout import LONG_TABLE_ROWS

    rows = "".join(f"<tr><td>row {index}</td></tr>" for index in range(LONG_TABLE_ROWS + 4))
    cut = split_passages(f'<p style="-qt-user-state:0;">x</p><table>{rows}</table>', [False])
    kept = split_passages(f'<p style="-qt-user-state:0;">x</p><table class="whole">{rows}</table>', [False])
    assert len(cut) > 1
    assert len(kept) == 1
