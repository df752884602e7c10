"""The window shell: the main window, which wires views, editing and files together, with settings,
appearance options, zoom, the scroll-bar style, the banner and the analysis menu.  The only room that may
import the others."""
