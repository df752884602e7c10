"""Text fields keep refusing control characters and blanks, with the same words, on every path through the checks."""

import pytest
from pydantic import ValidationError

from desktop_app.model.format.schema import Position, Speaker


def messages(model, **fields) -> list[str]:
    with pytest.raises(ValidationError) as caught:
        model.model_validate(fields)
    return [error["msg"] for error in caught.value.errors()]


POSITION = {
    "id": "p", "speaker": "s", "theme": "t", "stance": 0, "kind": "assessment", "summary": "ok", "excerpt": "ok"
}


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("", "must not be blank"),
        (" \n\t ", "must not be blank"),
        ("\u3000", "must not be blank"),
        ("bell\x07", "must not contain control characters other than tab and newline"),
        ("   \x00", "must not contain control characters other than tab and newline"),
        ("del\x7f", "must not contain control characters other than tab and newline"),
    ],
)
def test_required_text_refuses_blank_and_control_characters(value, expected):
    """An excerpt or a rated position's summary that is blank or holds a control character is refused with the reason."""
    for field in ("summary", "excerpt"):
        (message,) = messages(Position, **{**POSITION, field: value})
        # A summary says why it must not be blank ("... once the position has a stance").
        assert message == f"Value error, {expected}" or (field == "summary" and message.startswith(f"Value error, {expected} "))


@pytest.mark.parametrize("value", ["tab\tand\nnewline", "non\u00a0breaking", "zero\u200bwidth", "line\u2028separator"])
def test_required_text_accepts_tabs_newlines_and_unusual_spaces(value):
    """Tabs, newlines and unusual spaces are ordinary text in an excerpt."""
    assert Position.model_validate({**POSITION, "excerpt": value}).excerpt == value


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("  ", "must not be blank"),
        ("two\nlines", "must be a single line without control characters"),
        ("para\u2029graph", "must be a single line without control characters"),
        ("tab\there", "must be a single line without control characters"),
    ],
)
def test_single_line_fields_refuse_blanks_and_line_breaks(value, expected):
    """A name that is blank or runs over two lines is refused with the reason."""
    speaker = {"id": "s", "name": value, "role": "panellist", "order": 1}
    assert messages(Speaker, **speaker) == [f"Value error, {expected}"]


def test_single_line_fields_accept_printable_text():
    """A name with accents and a non-breaking space is accepted as it is."""
    speaker = Speaker.model_validate({"id": "s", "name": "Zoë\u00a0Müller", "role": "panellist", "order": 1})
    assert speaker.name == "Zoë\u00a0Müller"
