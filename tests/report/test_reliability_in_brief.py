"""The brief and the themes CSV when the seminar records a comparison of coders."""

from __future__ import annotations

import csv
import io

from desktop_app.model.format.coding import Coding, Comparison, ThemeVerdicts
from desktop_app.model.format.loader import from_model
from desktop_app.presentation.brief_options import ReportOptions
from desktop_app.report.csv_export import csv_text

from .conftest import normalised


def _compared(dataset):
    comparison = Comparison(
        coders=["Ana Reader", "Ben Second"], alpha_ordinal=0.815, ci_low=0.425, ci_high=0.994, units=26,
        differing=[ThemeVerdicts(theme=dataset.themes[0].id, verdicts=["contested", "mixed"])],
    )
    return from_model(dataset.model.model_copy(update={"coding": Coding(comparison=comparison)}), dataset.path)


def test_the_method_box_carries_alpha_its_interval_units_coders_and_the_unshared_verdicts(export_brief, default_dataset):
    """A recorded comparison puts alpha ordinal, its interval, the units and coders, and the differing verdict in the method box."""
    brief = export_brief(_compared(default_dataset), ReportOptions(sections=("method",)), name="reliability.pdf")
    label = default_dataset.themes[0].label
    text = brief.text.replace("( ", "(")  # pypdf reads a space after the parenthesis that follows the Greek letter
    assert normalised(
        "Reliability: Krippendorff\u2019s \u03b1 (ordinal) between 2 coders (Ana Reader, Ben Second): .815 (95 % interval "
        ".425 to .994), over 26 speaker \u00d7 theme cells."
    ) in text
    assert normalised(f"Verdicts the coders did not share: {label} (Ana Reader: contested; Ben Second: mixed).") in brief.text


def test_a_brief_without_a_comparison_says_nothing_of_reliability(export_brief, default_dataset):
    """The default seminar records no comparison, so its method box has no reliability line."""
    brief = export_brief(default_dataset, ReportOptions(sections=("method",)), name="plain.pdf")
    assert "Reliability:" not in brief.text


def test_the_themes_csv_marks_the_coder_dependent_theme(default_dataset):
    """coder_dependent is true for the differing theme, false for the others, and blank with no comparison."""
    rows = list(csv.DictReader(io.StringIO(csv_text(_compared(default_dataset), "themes"))))
    assert [row["coder_dependent"] for row in rows] == ["true"] + ["false"] * (len(rows) - 1)
    plain = list(csv.DictReader(io.StringIO(csv_text(default_dataset, "themes"))))
    assert {row["coder_dependent"] for row in plain} == {""}
