"""Headless commands of the command line, one module each, on top of every other layer."""
