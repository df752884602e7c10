"""The shipped default seminar's content: the few tests that pin what the file says.

Every other test uses small factory datasets (tests/factories.py), so the default
seminar can be re-coded without breaking them.  When the default seminar is
re-coded on purpose, these are the tests to update, and only these.
"""

import hashlib
import re
import subprocess
import sys

from desktop_app.model.format.excerpts import normalise
from desktop_app.model.format.schema import Kind, Role


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
        f"{default_path}: ok: 8 speakers, 10 themes, 50 positions "
        "(Will the China-Russia relationship hold? Understanding contradictions and convergence)"
    )
    assert result.stderr == ""


REPORTER_ASIDE = "though this was a view not necessarily shared by the panellists"
MAX_SHARED_CHARACTERS = 60
"""Two excerpts may share a few words naming what a clause refers to, never a whole clause."""


def _offsets(source: str, excerpt: str) -> tuple[int, int]:
    pattern = r"\s+".join(re.escape(word) for word in excerpt.split())
    found = re.search(pattern, source)
    assert found is not None, excerpt
    return found.span()


def test_recoded_excerpts_do_not_share_a_clause(default_dataset):
    """No two positions quote the same clause of the report: excerpts overlap by fewer than 60 characters."""
    source = default_dataset.seminar.source.text
    spans = [(p.id, *_offsets(source, p.excerpt)) for p in default_dataset.positions]
    overlaps = [
        (a, b, min(end_a, end_b) - max(start_a, start_b))
        for i, (a, start_a, end_a) in enumerate(spans)
        for b, start_b, end_b in spans[i + 1 :]
        if min(end_a, end_b) - max(start_a, start_b) >= MAX_SHARED_CHARACTERS
    ]
    assert overlaps == []


def test_recoded_excerpts_leave_out_the_reporters_aside(default_dataset):
    """No excerpt carries the reporter's remark that the panellists did not necessarily share Lord Bruce's view."""
    assert REPORTER_ASIDE in default_dataset.seminar.source.text
    assert [p.id for p in default_dataset.positions if "not necessarily shared" in p.excerpt] == []


def test_recoded_panellists_each_speak_to_four_themes(default_dataset):
    """Every panellist has positions on at least four themes."""
    panellists = [s for s in default_dataset.speakers if s.role is Role.PANELLIST]
    assert len(panellists) == 5
    themes = {s.id: {p.theme for p in default_dataset.positions if p.speaker == s.id} for s in panellists}
    assert {speaker: len(ids) for speaker, ids in themes.items() if len(ids) < 4} == {}


def test_recoded_positions_all_carry_a_note(default_dataset):
    """Every position has the coder's rationale for its stance."""
    assert [p.id for p in default_dataset.positions if not p.note.strip()] == []


def test_recoded_depth_of_alignment_is_a_theme(default_dataset):
    """The report's central question, alliance or partnership of convenience, has a theme with a full codebook."""
    theme = default_dataset.theme("alignment-depth")
    assert set(theme.anchors) == {"-2", "-1", "0", "1", "2"}
    speakers = {p.speaker for p in default_dataset.positions_on("alignment-depth")}
    assert {"bruce", "rumer", "kaczmarski", "shagina"} <= speakers


def test_recoded_history_is_kept_apart_from_the_forward_question(default_dataset):
    """Claims about the past sit on the history theme as kind history, and nothing on that theme is counted."""
    on_history = default_dataset.positions_on("history")
    assert on_history and all(p.kind is Kind.HISTORY for p in on_history)
    assert all(p.theme == "history" for p in default_dataset.positions if p.kind is Kind.HISTORY)


def test_recoded_brief_rests_on_positions_that_exist(default_dataset):
    """The shipped brief has a bottom line, three to six key judgements, and cites only real positions."""
    brief = default_dataset.model.brief
    assert brief is not None and brief.bottom_line.strip()
    assert 3 <= len(brief.key_judgements) <= 6
    cited = [pid for j in (*brief.key_judgements, *brief.what_to_watch) for pid in j.positions]
    assert cited and all(default_dataset.position(pid) for pid in cited)


def test_every_phrase_the_shipped_brief_quotes_is_in_an_excerpt_it_cites(default_dataset):
    """A ‘quoted’ phrase in a judgement is the speaker's own words in a cited excerpt (… marks a gap), never a paraphrase."""
    brief = default_dataset.model.brief
    assert brief is not None
    quoted = 0
    for judgement in (*brief.key_judgements, *brief.what_to_watch):
        excerpts = [normalise(default_dataset.position(pid).excerpt) for pid in judgement.positions]
        for phrase in re.findall(r"\u2018([^\u2019]+)\u2019", judgement.text):
            pieces = [normalise(piece.strip()) for piece in phrase.split("\u2026")]
            assert any(all(piece in excerpt for piece in pieces) for excerpt in excerpts), phrase
            quoted += 1
    assert quoted >= 3


def test_the_shipped_brief_gives_each_word_only_to_the_speaker_who_used_it(default_dataset):
    """A clause using 'authoritarian', 'strategic partnership' or 'globalisation' names no speaker but the one whose excerpt has it."""
    brief = default_dataset.model.brief
    assert brief is not None
    text = " ".join([brief.bottom_line, *(j.text for j in brief.key_judgements)])
    surnames = {s.id: s.name.split()[-1] for s in default_dataset.speakers}
    checked = 0
    for word in ("authoritarian", "strategic partnership", "globalisation"):
        owners = {p.speaker for p in default_dataset.positions if word in p.excerpt.lower()}
        assert len(owners) == 1, (word, owners)
        for clause in re.split(r"[.;:]\s|, and |, while ", text):
            if word in clause.lower():
                named = {speaker for speaker, surname in surnames.items() if surname in clause}
                assert named <= owners, (word, clause)
                checked += 1
    assert checked >= 2
