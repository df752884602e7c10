"""The network export read back with networkx: speaker and theme nodes, stance and agreement edges."""

from __future__ import annotations

import networkx as nx

from desktop_app.model.format.loader import load_bytes
from desktop_app.model.format.schema import Kind
from desktop_app.report.exchange_files import export_graphml
from tests.factories import coded_panel, to_bytes


def _panel():
    return load_bytes(to_bytes(coded_panel([
        ("ann", "trade", 2, "assessment"), ("ann", "trade", 1, "prediction"), ("bob", "trade", -1, "assessment"),
        ("ann", "energy", 1, "assessment"), ("bob", "energy", 1, "assessment"), ("cid", "energy", None, "assessment"),
        ("cid", "trade", 0, "question"),
    ], speakers=("chair",))), "panel.seminar.json")


def test_networkx_reads_nodes_and_edges_with_their_attributes(tmp_path):
    dataset = _panel()
    graph = nx.read_graphml(export_graphml(dataset, tmp_path / "panel.graphml"))
    assert graph.nodes["speaker:ann"] == {"label": "Speaker Ann", "type": "speaker", "role": "panellist"}
    assert graph.nodes["theme:trade"] == {"label": "Trade", "type": "theme"}
    ann_trade = graph.edges["speaker:ann", "theme:trade"]
    assert (ann_trade["relation"], ann_trade["stance"], ann_trade["positions"]) == ("stance", 1, 2)  # median of +2, +1, toward 0
    pair = graph.edges["speaker:ann", "speaker:bob"]
    assert pair["relation"] == "agreement" and pair["k"] == 2
    figures = dataset.analysis.pair("ann", "bob")
    assert abs(pair["agreement"] - figures.agreement) < 1e-6
    assert abs(pair["beyond_chance"] - figures.chance_corrected) < 1e-6


def test_only_counted_rated_positions_make_edges(tmp_path):
    """Cid's question is not counted and his energy position awaits a stance: no edge of his; counting questions adds one."""
    dataset = _panel()
    graph = nx.read_graphml(export_graphml(dataset, tmp_path / "default.graphml"))
    assert "speaker:cid" in graph and graph.degree("speaker:cid") == 0
    with_questions = nx.read_graphml(
        export_graphml(dataset, tmp_path / "questions.graphml", {Kind.ASSESSMENT, Kind.PREDICTION, Kind.QUESTION})
    )
    assert with_questions.edges["speaker:cid", "theme:trade"]["stance"] == 0
