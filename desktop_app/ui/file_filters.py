"""Name filters of file dialogs that more than one part of the window asks with (no imports, so anyone may use them)."""

RECORDING_FILTER = (
    "Recordings (*.wav *.mp3 *.m4a *.aac *.ogg *.oga *.opus *.flac *.mp4 *.m4v *.mkv *.webm *.mov *.avi);;All files (*)"
)
"""The recording of a seminar: the audio and video files QtMultimedia's FFmpeg backend commonly plays."""
