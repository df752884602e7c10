"""Stable GUIDs for the entries of an exchange file, derived from the seminar's own ids.

Two exports of the same seminar give every speaker, theme, stance step and
position the same GUID, so another tool that reads the second export can tell
it is the same project.  The GUID is a name-based UUID (version 5) in a space of
the seminar's own, made from its title and date.
"""

from __future__ import annotations

import hashlib
import uuid

from ..format.schema import SeminarFile

_APPLICATION = uuid.UUID("6a1b3c52-5d0e-4f7a-9c3e-2b8d41f07e19")
"""The space every seminar's own GUID space is made in (a fixed, random UUID of the application)."""


class Guids:
    """GUIDs of one seminar's entries: ``guids("speaker", "obi")`` is the same in every export."""

    def __init__(self, model: SeminarFile):
        seminar = model.seminar
        self._space = uuid.uuid5(_APPLICATION, f"{seminar.title}\n{seminar.date.isoformat()}").bytes
        self._made: dict[tuple[str, str], str] = {}

    def __call__(self, kind: str, key: str = "") -> str:
        made = self._made.get((kind, key))
        if made is None:
            made = self._made[(kind, key)] = _uuid5(self._space, f"{kind}:{key}")
        return made


def _uuid5(space: bytes, name: str) -> str:
    """``str(uuid.uuid5(UUID(bytes=space), name))``, without building UUID objects: a large seminar needs 60,000."""
    digest = bytearray(hashlib.sha1(space + name.encode("utf-8")).digest()[:16])
    digest[6] = (digest[6] & 0x0F) | 0x50  # version 5
    digest[8] = (digest[8] & 0x3F) | 0x80  # the RFC 4122 variant
    text = digest.hex()
    return f"{text[:8]}-{text[8:12]}-{text[12:16]}-{text[16:20]}-{text[20:]}"
