"""The chart's shared geometry, which the Themes tab and the brief both draw from, checked without Qt."""

from __future__ import annotations

import pytest

from desktop_app.model.editing.edits import Replace, apply_edit
from desktop_app.model.format.loader import load_bytes
from desktop_app.presentation.chart_layout import (
    LEGEND_NOTE,
    MARKER_SPREAD,
    chart_rows,
    legend_pieces,
    speaker_marks,
)
from tests.factories import debate, to_bytes


@pytest.fixture
def dataset():
    return load_bytes(to_bytes(debate()))


def test_each_marker_sits_on_the_block_of_its_stance(dataset):
    """A speaker's marker on a theme sits inside the block of the stance they took there, on that theme's row."""
    rows = chart_rows(dataset)
    marks = speaker_marks(dataset, rows, "obi")
    assert len(marks) == len(dataset.positions_of("obi"))
    for mark in marks:
        index = next(i for i, row in enumerate(rows) if row.theme_id == mark.theme_id)
        segment = rows[index].segments[mark.stance]
        assert segment.start <= mark.x <= segment.end
        assert abs(mark.y - index) <= MARKER_SPREAD * 2


def test_no_speaker_or_an_unknown_one_gets_no_markers(dataset):
    """With nobody chosen, or a name not in the seminar, the chart shows no markers."""
    rows = chart_rows(dataset)
    assert speaker_marks(dataset, rows, None) == []
    assert speaker_marks(dataset, rows, "nobody") == []


def test_legend_reads_in_the_scales_words_left_to_right_and_is_centred(dataset):
    """The legend shows the two negative swatches, the scale's words in order, then the note, centred in its width."""
    pieces = legend_pieces(dataset.seminar.scale, lambda text: 6.0 * len(text), 600)
    texts = [piece.text for piece in pieces if piece.text is not None]
    assert texts[:4] == ["opposition", "undecided", "support", f"({LEGEND_NOTE})"]
    assert {"one speaker", "divided", "tentative"} <= set(texts)
    assert [piece.band for piece in pieces if piece.band is not None] == [-2, -1, 0, 1, 2]
    first_line = [piece for piece in pieces if piece.line == 0]
    xs = [piece.x for piece in first_line]
    assert xs == sorted(xs)
    end = first_line[-1].x + first_line[-1].width
    assert first_line[0].x == pytest.approx(600 - end, abs=8)  # centred, give or take the swatches' padding


def test_a_note_too_long_for_its_room_keeps_n_tentative_and_the_whole_verdict_word():
    """Squeezed, a row's note shortens "tentative" to "tent.", then cuts the pole word; "consensus" stays whole."""
    from desktop_app.presentation.chart_layout import fitted_note, row_note
    from tests.factories import panel

    data = load_bytes(to_bytes(panel()))
    metrics = data.analysis.themes["borders"]
    scale = data.seminar.scale
    width = lambda text: 6.0 * len(text)  # noqa: E731
    assert fitted_note(metrics, scale, width, 1000) == row_note(metrics, scale) == "n = 3 · consensus: divergence, tentative"
    assert fitted_note(metrics, scale, width, 6.0 * 37) == "n = 3 · consensus: divergence (tent.)"
    assert fitted_note(metrics, scale, width, 6.0 * 34) == "n = 3 · consensus: diverg… (tent.)"
    # Far too narrow: the shortest form is returned whole rather than cut inside "consensus".
    assert fitted_note(metrics, scale, width, 6.0 * 12) == "n = 3 · consensus: dive… (tent.)"


def test_a_note_given_two_lines_wraps_before_it_cuts():
    """In a column with room for two lines, the pole word moves to the second line instead of being cut."""
    from desktop_app.presentation.chart_layout import fitted_note
    from tests.factories import panel

    data = load_bytes(to_bytes(panel()))
    metrics = data.analysis.themes["borders"]
    width = lambda text: 6.0 * len(text)  # noqa: E731
    assert fitted_note(metrics, data.seminar.scale, width, 6.0 * 20, lines=2) == "n = 3 · consensus:\ndivergence (tent.)"


@pytest.mark.parametrize("room", [8, 12, 16, 20, 26, 40])
def test_no_room_cuts_a_verdict_word_and_the_floor_fits_every_note(room):
    """At any room, every stated verdict's word shows whole; in a column of at least the floor, every line fits."""
    from desktop_app.presentation.chart_layout import fitted_note, note_floor
    from tests.factories import panel

    data = load_bytes(to_bytes(panel()))
    scale = data.seminar.scale
    width = lambda text: 6.0 * len(text)  # noqa: E731
    rows = chart_rows(data)
    floor = note_floor(rows, scale, width)
    for row in rows:
        note = fitted_note(row.metrics, scale, width, max(6.0 * room, floor))
        assert max(width(line) for line in note.split("\n")) <= max(6.0 * room, floor)
        if row.metrics.verdict.is_stated:
            word = row.metrics.verdict.value.split(":")[0]
            assert word in note, (word, note)
        assert note.startswith(f"n = {row.metrics.n}")


def test_rows_below_three_voices_say_so(default_dataset):
    """A row with one or two voices says "too few voices"; a row with none says it has no voices."""
    from desktop_app.presentation.chart_layout import fitted_note, row_note

    data = default_dataset
    scale = data.seminar.scale
    width = lambda text: 6.0 * len(text)  # noqa: E731
    notes = {row.metrics.n: row_note(row.metrics, scale) for row in chart_rows(data) if row.metrics.n < 3}
    assert {0, 2} <= set(notes), "the default seminar has themes of no and of two voices"
    for n, note in notes.items():
        assert note == (f"n = {n} · no voices" if n == 0 else f"n = {n} · too few voices")
    few = next(row.metrics for row in chart_rows(data) if 0 < row.metrics.n < 3)
    assert fitted_note(few, scale, width, 6.0 * 16) == f"n = {few.n} · too few"


def test_a_narrow_axis_title_cuts_the_pole_words_not_its_middle():
    """Too narrow for the whole title, the axis still names both sides, each word cut at its end."""
    from desktop_app.model.format.schema import Scale
    from desktop_app.presentation.chart_layout import axis_title

    scale = Scale(negative="divergence", positive="convergence")
    width = lambda text: 6.0 * len(text)  # noqa: E731
    assert axis_title(scale, width, 1000) == "\u2190 divergence \u00b7 convergence \u2192"
    narrow = axis_title(scale, width, 6.0 * 22)
    assert narrow.startswith("\u2190 diverg") and narrow.endswith("\u2026 \u2192") and "\u00b7 conv" in narrow
    assert len(narrow) <= 22


def test_an_axis_title_given_two_lines_keeps_both_poles_whole():
    """With two lines allowed, a title too wide for one puts each pole on its own line, whole."""
    from desktop_app.model.format.schema import Scale
    from desktop_app.presentation.chart_layout import axis_title

    scale = Scale(negative="divergence", positive="convergence")
    width = lambda text: 6.0 * len(text)  # noqa: E731
    assert axis_title(scale, width, 6.0 * 22, lines=2) == "\u2190 divergence\nconvergence \u2192"
    assert axis_title(scale, width, 1000, lines=2) == "\u2190 divergence \u00b7 convergence \u2192"


def test_an_edit_lays_out_only_the_rows_it_changed(dataset):
    """After a stance edit, rows of untouched themes are the rows drawn before; the edited theme's row is new and equals a fresh one."""
    before = chart_rows(dataset)
    position = dataset.positions[0]
    edited, _ = apply_edit(dataset, Replace(position.model_copy(update={"stance": -position.stance or 2})))
    after = chart_rows(edited, earlier={row.theme_id: row for row in before})
    for old, new in zip(before, after, strict=True):
        if new.theme_id == position.theme:
            assert new is not old
        else:
            assert new is old
    assert after == chart_rows(edited)
