"""The shipped default seminar's content: the few tests that pin what the file says.

Every other test uses small factory datasets (tests/factories.py), so the default
seminar can be re-coded without breaking them.  When the default seminar is
re-coded on purpose, these are the tests to update, and only these.
"""

import hashlib
import subprocess
import sys

from desktop_app.model.excerpts import normalise
from desktop_app.model.schema import Role


def test_default_seminar_loads_with_every_excerpt_placed(default_dataset):
    """The shipped seminar opens, and each excerpt's recorded span is that passage of the report."""
    text = default_dataset.seminar.source.text
    assert len(default_dataset.spans) == len(default_dataset.positions) >= 35
    for position in default_dataset.positions:
        span = default_dataset.spans[position.id]
        assert normalise(text[span.start : span.end]) == normalise(position.excerpt)


# SHA-256 of the seminar report as supplied (shared/seeds/seminar-report.txt, 9,941 characters).
REPORT_SHA256 = "b26c65a397a4ddb4e36b8841aab8bd96e26f3821aa445e88b9b3cd4a7855ac76"


def test_default_seminar_carries_the_report_unaltered(default_dataset):
    """The source text carried in the file is the seminar report, byte for byte."""
    text = default_dataset.seminar.source.text
    assert hashlib.sha256(text.encode("utf-8")).hexdigest() == REPORT_SHA256
    assert default_dataset.seminar.source.publisher == "The Democracy Forum"


def test_default_seminar_people_and_roles(default_dataset):
    """All eight people appear with the roles the report gives them."""
    roles = {speaker.name: speaker.role for speaker in default_dataset.speakers}
    assert roles["Humphrey Hawksley"] is Role.CHAIR
    assert roles["Lord Bruce"] is Role.OPENING
    assert roles["Barry Gardiner"] is Role.CLOSING
    panel = {"Sergey Radchenko", "Natasha Kuhrt", "Eugene Rumer", "Marcin Kaczmarski", "Maria Shagina"}
    assert {name for name, role in roles.items() if role is Role.PANELLIST} == panel
    assert default_dataset.chair.name == "Humphrey Hawksley"
    assert len(default_dataset.themes) >= 9
    for speaker in default_dataset.speakers:
        if speaker.role is Role.PANELLIST:
            themes = {p.theme for p in default_dataset.positions_of(speaker.id)}
            assert len(themes) >= 3, speaker.name


def test_default_seminar_shows_the_rumer_kaczmarski_split(default_dataset):
    """Where Rumer sees a durable partnership and Kaczmarski its limits, the data shows them apart."""
    analysis = default_dataset.analysis
    rumer = analysis.speaker_stances("rumer")
    kaczmarski = analysis.speaker_stances("kaczmarski")
    shared = rumer.keys() & kaczmarski.keys()
    assert len(shared) >= 2
    assert all(rumer[t] > 0 > kaczmarski[t] for t in shared)
    assert analysis.pair("rumer", "kaczmarski").agreement < 0.5


def test_check_default_seminar(default_path):
    """--check on the shipped seminar prints one summary line and exits 0."""
    result = subprocess.run(
        [sys.executable, "-m", "desktop_app", "--check", str(default_path)], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == (
        f"{default_path}: ok: 8 speakers, 12 themes, 47 positions "
        "(Will the China-Russia relationship hold? Understanding contradictions and convergence)"
    )
    assert result.stderr == ""
