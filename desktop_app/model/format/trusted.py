"""Building the models of a file known to be valid, without pydantic checking each field.

Checking a file's fields needs pydantic's validators, and building those for
the format's models took about 40 ms of CPU time at every start, to check the
default seminar that ships with the application and is checked by its tests.
:func:`trusted_model` builds the same models from the parsed JSON directly,
following each field's type (nested models, lists, mappings, enums, ISO
dates and times, floats), and refuses with :class:`NotTrusted` anything that
does not fit those types as they stand.  It does not check lengths, patterns or
ranges: the caller checks the file fully later (see
:func:`.loader.load_shipped`).
"""

from __future__ import annotations

import datetime as dt
import types
import typing
from collections.abc import Callable
from enum import Enum
from typing import Any

from pydantic import BaseModel

from .schema import SeminarFile


class NotTrusted(ValueError):
    """The data does not have the shape the models' types say: check it the ordinary way."""


def trusted_model(raw: Any) -> SeminarFile:
    """The file's model, built without checks from parsed JSON whose every value has its field's type."""
    model = _built(SeminarFile, raw)
    assert isinstance(model, SeminarFile)
    return model


def _built(annotation: Any, value: Any) -> Any:
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _built(typing.get_args(annotation)[0], value)
    if origin is typing.Union or origin is types.UnionType:
        if value is None:
            return None
        inner = [choice for choice in typing.get_args(annotation) if choice is not type(None)]
        if len(inner) != 1:
            raise NotTrusted(f"no single type in {annotation!r}")
        return _built(inner[0], value)
    if origin is list:
        _expect(value, list)
        (item,) = typing.get_args(annotation)
        return [_built(item, entry) for entry in value]
    if origin is dict:
        _expect(value, dict)
        key, item = typing.get_args(annotation)
        return {_built(key, name): _built(item, entry) for name, entry in value.items()}
    if origin is typing.Literal:
        if value not in typing.get_args(annotation):
            raise NotTrusted(f"{value!r} is not one of {typing.get_args(annotation)!r}")
        return value
    if isinstance(annotation, type):
        return _built_of_type(annotation, value)
    raise NotTrusted(f"no way to build {annotation!r}")


def _built_of_type(kind: type, value: Any) -> Any:
    if issubclass(kind, BaseModel):
        _expect(value, dict)
        fields = kind.model_fields
        if not value.keys() <= fields.keys():
            raise NotTrusted(f"{kind.__name__} has no field {sorted(value.keys() - fields.keys())[0]!r}")
        return kind.model_construct(**{name: _built(fields[name].annotation, entry) for name, entry in value.items()})
    if issubclass(kind, Enum):
        _expect(value, str)
        return _converted(kind, value)
    if kind is dt.date or kind is dt.time:
        _expect(value, str)
        return _converted(kind.fromisoformat, value)
    if kind is float:
        if type(value) not in (int, float):
            raise NotTrusted(f"{value!r} is not a number")
        return float(value)
    if kind in (str, int, bool):
        _expect(value, kind)
        return value
    raise NotTrusted(f"no way to build {kind!r}")


def _converted(convert: Callable[[str], Any], value: str) -> Any:
    try:
        return convert(value)
    except ValueError as exc:  # a name the enum lacks, a date that is not one
        raise NotTrusted(str(exc)) from None


def _expect(value: Any, kind: type) -> None:
    if type(value) is not kind:
        raise NotTrusted(f"{value!r} is not a {kind.__name__}")
