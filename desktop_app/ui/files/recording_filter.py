"""The file-dialog filter for a seminar's recording, shared by Playback ▸ Recording… and the import preview."""

RECORDING_FILTER = (
    "Recordings (*.wav *.mp3 *.m4a *.aac *.ogg *.oga *.opus *.flac *.mp4 *.m4v *.mkv *.webm *.mov *.avi);;All files (*)"
)
