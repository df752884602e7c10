"""The exchange formats on the command line: --export-qdpx, --import PROJECT.qdpx, --export-graphml."""

from __future__ import annotations

import networkx as nx

from desktop_app.model.format.loader import load
from tests.model.exchange.foreign_project import write_empty_project, write_foreign_project
from tests.report.test_export_commands import run


def test_export_then_import_gives_back_the_seminars_positions(tmp_path, default_dataset):
    project, back = tmp_path / "seminar.qdpx", tmp_path / "back.seminar.json"
    result = run("--export-qdpx", str(project))
    assert result.returncode == 0 and "50 coded selections" in result.stdout
    result = run("--import", str(project), "--out", str(back))
    assert result.returncode == 0, result.stderr
    assert "50 positions (0 awaiting a stance)" in result.stdout
    imported = load(back)
    assert sorted(p.excerpt for p in imported.positions) == sorted(p.excerpt for p in default_dataset.positions)


def test_a_project_with_several_sources_names_them_and_takes_source(tmp_path):
    project, out = write_foreign_project(tmp_path / "port.qdpx"), tmp_path / "port.seminar.json"
    result = run("--import", str(project), "--out", str(out))
    assert result.returncode == 1 and "'Interview 1', 'Field notes'" in result.stderr and "--source NAME" in result.stderr
    assert not out.exists()
    result = run("--import", str(project), "--out", str(out), "--source", "Interview 1")
    assert result.returncode == 0, result.stderr
    assert "4 positions (4 awaiting a stance)" in result.stdout
    assert "not brought over: 1 PDF source" in result.stderr


def test_an_empty_project_is_refused_in_one_line(tmp_path):
    result = run("--import", str(write_empty_project(tmp_path / "empty.qdpx")), "--out", str(tmp_path / "x.seminar.json"))
    assert result.returncode == 1
    (line,) = result.stderr.strip().splitlines()
    assert "holds no text source" in line and "Traceback" not in result.stderr


def test_the_network_export_is_read_by_networkx(tmp_path):
    out = tmp_path / "seminar.graphml"
    result = run("--export-graphml", str(out))
    assert result.returncode == 0, result.stderr
    graph = nx.read_graphml(out)
    assert {data["type"] for _node, data in graph.nodes(data=True)} == {"speaker", "theme"}


def test_an_exchange_export_never_replaces_the_seminar(tmp_path, default_path):
    copy = tmp_path / "mine.seminar.json"
    copy.write_bytes(default_path.read_bytes())
    for option in ("--export-qdpx", "--export-graphml"):
        result = run(option, str(copy), str(copy))
        assert result.returncode == 1 and "it is the file being read" in result.stderr
    assert copy.read_bytes() == default_path.read_bytes()
