"""The chart's geometry and axis, checked without looking at pixels."""

import pytest

from desktop_app.presentation.chart_layout import band_of, chart_rows, half_width


def test_bands_agree_with_the_metrics_counts(panel_dataset):
    """Each row's blocks add up to the theme's convergent, mixed and divergent counts."""
    for row in chart_rows(panel_dataset):
        metrics = row.metrics
        widths = {band: row.segments[band].width for band in row.segments}
        assert widths[1] + widths[2] == metrics.convergent
        assert widths[0] == metrics.mixed
        assert widths[-1] + widths[-2] == metrics.divergent


def test_likert_layout_centres_the_neutral_band(panel_dataset):
    """Mixed is centred on zero; divergence runs leftwards from it and convergence rightwards."""
    row = next(r for r in chart_rows(panel_dataset) if r.theme_id == "trade")
    neutral = row.segments[0]
    assert neutral.start == -neutral.width / 2
    assert row.segments[-1].end == neutral.start and row.segments[-2].end == row.segments[-1].start
    assert row.segments[1].start == neutral.end and row.segments[2].start == row.segments[1].end
    assert half_width(chart_rows(panel_dataset)) >= max(-row.left, row.right)


@pytest.mark.parametrize(("mean", "band"), [(2, 2), (1.5, 2), (1.49, 1), (0.5, 1), (0, 0), (-0.5, -1), (-1.5, -2)])
def test_band_of_a_mean_stance(mean, band):
    """Means at or beyond ±1.5 are strong; any other non-zero mean leans one way."""
    assert band_of(mean) == band


def test_sorting_by_controversy_puts_contested_themes_first(panel_dataset):
    """Sorted by controversy, the least consensus comes first and the theme nobody addressed comes last."""
    assert panel_dataset.themes[0].id == "quiet" and panel_dataset.analysis.themes["quiet"].n == 0
    rows = chart_rows(panel_dataset, "controversy")
    assert rows[0].theme_id == "trade" and rows[-1].theme_id == "quiet"
    values = [row.metrics.consensus for row in rows[:-1]]
    assert values == sorted(values)
    with pytest.raises(ValueError, match="unknown sort"):
        chart_rows(panel_dataset, "alphabet")


def test_sorting_by_balance_puts_the_silent_theme_after_the_negative_one(panel_dataset):
    """Sorted by balance, the most positive theme leads and the theme nobody addressed comes last, below the most negative."""
    rows = chart_rows(panel_dataset, "balance")
    assert [row.theme_id for row in rows] == ["energy", "trade", "talks", "borders", "quiet"]
