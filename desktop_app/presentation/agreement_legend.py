"""The agreement map's legend, the same under the window's map and the brief's: its words and the size of its keys."""

from __future__ import annotations

from ..model.analysis.seminar_analysis import MIN_SHARED_THEMES

SCALE_LEGEND = "Colour: agreement beyond chance for the pair's own stance mixes, from chance or below (faintest) to full agreement (strongest)."
"""What the colour of a compared pair's cell says."""
THIN_LEGEND = f"Hatched: fewer than {MIN_SHARED_THEMES} shared themes, too few to compare."
"""What a hatched cell says."""
SCALE_KEY_SIZE = (72, 14)
"""Width and height of the colour scale's key, in pixels (layout units on paper)."""
THIN_KEY_SIZE = (16, 14)
"""Width and height of the hatching's key."""
