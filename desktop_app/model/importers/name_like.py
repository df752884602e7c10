"""Whether a one-off ``Name:`` at the start of a subtitle cue reads as a person's name rather than words.

Zoom writes each cue as ``Display Name: words``, so someone who speaks once
has their name on one cue only.  Such a label counts the first time when it
looks like a name: two to four words, each capitalised (with particles such as
"van" or "de" between), none of them a word that opens ordinary sentences.
A single word ("Reminder:", "Note:") is too ambiguous; it is listed for the
user to confirm, as before.
"""

from __future__ import annotations

import re

_WORD = re.compile(r"^[^\W\d_][\w'’.\-]*$")
_PARTICLES = frozenset({"al", "bin", "bint", "da", "de", "del", "della", "der", "des", "di", "do", "dos", "du", "el",
                        "la", "le", "ten", "ter", "van", "von", "y", "zu"})
_SENTENCE_WORDS = frozenset({
    "a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "from", "he", "her", "here", "his", "how", "i",
    "if", "in", "is", "it", "its", "my", "no", "not", "note", "of", "on", "or", "our", "she", "so", "that", "the",
    "their", "then", "there", "these", "they", "this", "those", "to", "was", "we", "were", "what", "when", "where",
    "which", "who", "why", "with", "yes", "you", "your",
})
MAX_WORD = 24


def looks_like_a_name(label: str) -> bool:
    """True for "Tom Baker", "Ana de la Cruz", "NGOZI ADEYEMI"; False for "Reminder", "The point is" or "So what"."""
    words = label.split()
    if not 2 <= len(words) <= 4:
        return False
    for position, word in enumerate(words):
        folded = word.casefold()
        if 0 < position < len(words) - 1 and folded in _PARTICLES:
            continue
        if len(word) > MAX_WORD or not _WORD.match(word) or not word[0].isupper() or folded in _SENTENCE_WORDS:
            return False
    return True
