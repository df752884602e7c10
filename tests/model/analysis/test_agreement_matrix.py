"""The speaker-by-speaker agreement matrix gives every pair what asking for that pair alone gives."""

import math

import pytest

from desktop_app.model.format.loader import load_bytes
from tests.synthetic.generator import generate_text


@pytest.fixture(scope="module")
def panel():
    """A 60-speaker synthetic seminar, loaded."""
    return load_bytes(generate_text(speakers=60, themes=12, positions=700, seed=5).encode("utf-8"))


@pytest.mark.parametrize("which", ["default", "synthetic"])
def test_matrix_gives_every_pair_what_pair_gives(which, default_dataset, panel):
    """Each cell of the speaker matrix equals the agreement, chance level and shared-theme count of that pair asked alone."""
    dataset = default_dataset if which == "default" else panel
    analysis = dataset.analysis
    matrix = analysis.matrix
    assert matrix.speaker_ids == analysis.compared_speakers
    assert matrix.speaker_ids == tuple(s.id for s in dataset.speakers if analysis.speaker_stances(s.id))
    for first in matrix.speaker_ids:
        for second in matrix.speaker_ids:
            alone, cell = analysis.pair(first, second), matrix.pair(first, second)
            assert cell.shared_themes == alone.shared_themes
            assert cell.comparable == alone.comparable
            if alone.agreement is None:
                assert cell.agreement is None and cell.expected_by_chance is None
                assert math.isnan(matrix.agreement[matrix.index(first), matrix.index(second)])
            else:
                assert cell.agreement == pytest.approx(alone.agreement, abs=1e-12)
                assert cell.expected_by_chance == pytest.approx(alone.expected_by_chance, abs=1e-12)
                if alone.chance_corrected is None:
                    assert cell.chance_corrected is None
                else:
                    assert cell.chance_corrected == pytest.approx(alone.chance_corrected, abs=1e-12)


def test_matrix_is_read_only_and_computed_once(panel):
    """Views share one matrix: asking twice gives the same object, and its arrays cannot be written to."""
    matrix = panel.analysis.matrix
    assert panel.analysis.matrix is matrix
    with pytest.raises(ValueError):
        matrix.agreement[0, 0] = 0.0
    with pytest.raises(ValueError):
        matrix.shared_themes[0, 0] = 0
    with pytest.raises(ValueError):
        matrix.chance_corrected[0, 0] = 0.0


def test_silent_chair_is_left_out_of_the_matrix(panel):
    """The chair took no position, so they have no row at all, and asking for their pairs gives no agreement."""
    chair = panel.chair.id
    matrix = panel.analysis.matrix
    assert chair not in matrix and chair not in panel.analysis.compared_speakers
    with pytest.raises(KeyError):
        matrix.index(chair)
    assert panel.analysis.pair(chair, matrix.speaker_ids[0]).agreement is None


def test_matrix_and_pair_function_agree_on_the_500_speaker_seminar():
    """On the 500-speaker synthetic seminar, every cell of the numpy matrix equals the per-pair formula."""
    import numpy as np

    from desktop_app.model.analysis.seminar_analysis import pair_agreement

    dataset = load_bytes(generate_text(500, 40, 10_000, seed=1).encode("utf-8"))
    analysis = dataset.analysis
    matrix = analysis.matrix
    ids = matrix.speaker_ids
    stances = [analysis.speaker_stances(speaker_id) for speaker_id in ids]
    expected = np.full((len(ids), len(ids)), np.nan)
    chance = np.full((len(ids), len(ids)), np.nan)
    shared = np.zeros((len(ids), len(ids)), dtype=np.int64)
    for row, first in enumerate(ids):
        for column in range(row, len(ids)):
            pair = pair_agreement(first, ids[column], stances[row], stances[column])
            shared[row, column] = shared[column, row] = pair.shared_themes
            if pair.agreement is not None:
                expected[row, column] = expected[column, row] = pair.agreement
                chance[row, column] = chance[column, row] = pair.expected_by_chance
    assert set(ids) == set(analysis.compared_speakers) and len(ids) > 450
    assert np.array_equal(matrix.shared_themes, shared)
    assert np.allclose(matrix.agreement, expected, rtol=0, atol=1e-12, equal_nan=True)
    assert np.allclose(matrix.expected, chance, rtol=0, atol=1e-12, equal_nan=True)
    assert not np.isnan(expected).all()
