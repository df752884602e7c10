"""``seminar-lens --reliability A B [C ...] [--export-csv OUT.csv]``: agreement between codings, for scripts."""

from __future__ import annotations

import copy
import csv
import json
from pathlib import Path

from desktop_app.cli import main

from .factories import panel, to_bytes

EXAMPLE = sorted((Path(__file__).parent / "data" / "krippendorff_2011").glob("observer-*.seminar.json"))


def _write(tmp_path: Path, name: str, data: dict) -> Path:
    path = tmp_path / f"{name}.seminar.json"
    path.write_bytes(to_bytes(data))
    return path


def test_the_published_example_as_four_coder_files_gives_its_three_alphas(tmp_path, capsys):
    """Krippendorff's four observers as seminar files: the table and the CSV say .743, .815 and .849 over 11 units."""
    out = tmp_path / "alpha.csv"
    assert len(EXAMPLE) == 4
    assert main(["--reliability", *map(str, EXAMPLE), "--export-csv", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "Observer A, Observer B, Observer C, Observer D" in printed
    with out.open(encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.DictReader(stream))
    overall = {row["level"]: row for row in rows if row["scope"] == "all"}
    assert {level: overall[level]["alpha"] for level in overall} == {"nominal": "0.743", "ordinal": "0.815", "interval": "0.849"}
    assert overall["ordinal"]["units"] == "11" and overall["ordinal"]["pairable_values"] == "40"
    assert float(overall["ordinal"]["ci_low"]) < 0.815 < float(overall["ordinal"]["ci_high"])
    assert {row["scope"] for row in rows} == {"all", "first", "second", "third"}
    assert list(rows[0])[:6] == ["scope", "level", "alpha", "ci_low", "ci_high", "units"]


def test_the_same_judgements_under_other_ids_and_order_agree_perfectly(tmp_path, capsys):
    """A second coder who renamed every position and listed them backwards has alpha 1 and shares every verdict."""
    first = panel()
    second = copy.deepcopy(first)
    second["positions"] = [dict(position, id=f"other-{index}") for index, position in enumerate(reversed(first["positions"]))]
    assert main(["--reliability", str(_write(tmp_path, "a", first)), str(_write(tmp_path, "b", second))]) == 0
    printed = capsys.readouterr().out
    assert "all cells                ordinal    1.000" in printed
    assert "every theme has the same verdict in every coding." in printed


def test_a_changed_stance_lowers_alpha_and_names_the_verdict_that_differs(tmp_path, capsys):
    """A second coder who moves every energy stance to the other pole is below 1 and flags energy's verdict."""
    first = panel()
    second = copy.deepcopy(first)
    for position in second["positions"]:
        if position["theme"] == "energy":
            position["stance"] = -position["stance"]
    assert main(["--reliability", str(_write(tmp_path, "a", first)), str(_write(tmp_path, "b", second))]) == 0
    printed = capsys.readouterr().out
    line = next(line for line in printed.splitlines() if line.startswith("all cells") and "ordinal" in line)
    assert float(line.split()[3]) < 1
    assert "verdicts that differ between the coders:" in printed and "Energy (energy): a.seminar.json: consensus:" in printed


def test_files_that_do_not_share_ids_are_refused_naming_the_ids(tmp_path, capsys):
    """A coding with a theme the other lacks: exit 1 and a line naming the theme id and the file."""
    first = panel()
    second = copy.deepcopy(first)
    second["themes"].append({"id": "ports", "label": "Ports", "order": 9})
    assert main(["--reliability", str(_write(tmp_path, "a", first)), str(_write(tmp_path, "b", second))]) == 1
    err = capsys.readouterr().err
    assert "theme ids only in b.seminar.json: ports" in err
    assert "Traceback" not in err


def test_one_file_is_a_usage_error(tmp_path, capsys):
    """Reliability needs two coders: one FILE exits 2 with a message."""
    try:
        main(["--reliability", str(_write(tmp_path, "a", panel()))])
    except SystemExit as exit_:
        assert exit_.code == 2
    assert "at least two FILEs" in capsys.readouterr().err


def test_a_blind_round_also_reports_alpha_by_passage(tmp_path, capsys):
    """A file marked as a blind re-rating adds the passages scope; the same stances agree perfectly there too."""
    first = panel()
    second = copy.deepcopy(first)
    second["coding"] = {"coder": "Second reader", "round": "2", "mode": "blind"}
    out = tmp_path / "alpha.csv"
    assert main(["--reliability", str(_write(tmp_path, "a", first)), str(_write(tmp_path, "b", second)), "--export-csv", str(out)]) == 0
    assert "all passages" in capsys.readouterr().out
    rows = list(csv.DictReader(out.open(encoding="utf-8-sig", newline="")))
    passages = [row for row in rows if row["unit"] == "passage"]
    assert [row["level"] for row in passages] == ["nominal", "ordinal", "interval"]
    assert all(row["alpha"] == "1.000" for row in passages)
    assert json.loads((tmp_path / "b.seminar.json").read_text())["coding"]["mode"] == "blind"


def test_the_csv_never_replaces_an_input(tmp_path, capsys):
    """Pointing --export-csv at one of the coder files is refused, and the file is left as it was."""
    first = _write(tmp_path, "a", panel())
    before = first.read_bytes()
    assert main(["--reliability", str(first), str(_write(tmp_path, "b", panel())), "--export-csv", str(first)]) == 1
    assert first.read_bytes() == before
    assert capsys.readouterr().err.startswith("seminar-lens: ")
