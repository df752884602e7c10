"""The data and analysis layer: pure Python, no Qt anywhere below this package."""
