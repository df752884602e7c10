"""A reader for .desktop files written from the Desktop Entry Specification, independent of the app's writer."""

from __future__ import annotations

_STRING_ESCAPES = {"s": " ", "n": "\n", "t": "\t", "r": "\r", "\\": "\\", ";": ";"}


def read_entry(text: str) -> dict[str, str]:
    """The keys of the [Desktop Entry] group, values as written."""
    keys: dict[str, str] = {}
    group = None
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        if line.startswith("["):
            group = line.strip()
            continue
        if group == "[Desktop Entry]":
            key, _, value = line.partition("=")
            keys[key.strip()] = value.strip()
    return keys


def unescape_string(value: str) -> str:
    """Undo the escapes of a value of type string (\\s, \\n, \\t, \\r, \\\\)."""
    out, characters = [], iter(value)
    for character in characters:
        if character == "\\":
            following = next(characters, "")
            out.append(_STRING_ESCAPES.get(following, "\\" + following))
        else:
            out.append(character)
    return "".join(out)


def exec_arguments(value: str) -> list[str]:
    """Split an Exec value into its arguments: string escapes first, then the quoting rule, then %%."""
    text = unescape_string(value)
    arguments: list[str] = []
    current: list[str] | None = None
    index = 0
    while index < len(text):
        character = text[index]
        if character == " ":
            if current is not None:
                arguments.append("".join(current))
                current = None
        elif character == '"':
            current = current if current is not None else []
            index += 1
            while text[index] != '"':
                if text[index] == "\\" and text[index + 1] in '"`$\\':
                    index += 1
                current.append(text[index])
                index += 1
        else:
            current = current if current is not None else []
            current.append(character)
        index += 1
    if current is not None:
        arguments.append("".join(current))
    # A lone %f is a field code; a literal percent sign is written %%.
    return [
        argument
        if argument.startswith("%") and len(argument) == 2 and argument != "%%"
        else argument.replace("%%", "%")
        for argument in arguments
    ]
