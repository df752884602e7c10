"""The player bar: the seminar's recording, played in the window with QtMultimedia.

Play and pause, the time, five seconds back and forward, and the speed
(0.75× to 2×); a video shows in a dock of its own, which can be resized or
floated off the window.  QtMultimedia comes with the optional ``media`` extra
(PySide6-Addons) and is imported only when a recording is to be played, so a
seminar without one starts exactly as before; without the extra the bar says
in one line how to install it.  A missing file or one that cannot be played is
said in the bar, naming the file and the reason, and never stops the window:
loading and seeking are Qt's, in the background.

Times outside are the transcript's (seconds from its time 0); the recording's
own time is that plus the seminar's ``offset``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QStyle,
    QToolButton,
    QWidget,
)

from ...presentation.turns import clock

SPEEDS = (0.75, 1.0, 1.25, 1.5, 2.0)
SKIP_SECONDS = 5.0
INSTALL_HINT = "Playing the recording needs the media extra: pip install 'seminar-lens[media]'"


def multimedia() -> Any | None:
    """PySide6's QtMultimedia and QtMultimediaWidgets, or None when the media extra is not installed."""
    try:
        from PySide6 import QtMultimedia, QtMultimediaWidgets
    except ImportError:
        return None
    return (QtMultimedia, QtMultimediaWidgets)


class PlayerBar(QWidget):
    """The bar under the window's views; ``dock_host`` holds the video dock when the recording has pictures."""

    transcriptTimeChanged = Signal(float)  # where the recording is, in transcript seconds, while it plays or is moved
    locateWanted = Signal()  # the recording was not found: the user asked to point at it

    def __init__(self, dock_host: QMainWindow, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("playerBar")
        self._host = dock_host
        self._player: Any = None
        self._audio: Any = None
        self._offset = 0.0
        self._pending_ms: int | None = None  # a seek asked for before the recording was loaded
        self._play_after_seek = False
        self._path: Path | None = None
        self.video_dock: QDockWidget | None = None
        self.play_button = QToolButton()
        self._play_icon = self.style().standardIcon(QStyle.StandardPixmap.SP_MediaPlay)
        self._pause_icon = self.style().standardIcon(QStyle.StandardPixmap.SP_MediaPause)
        self.play_button.setIcon(self._play_icon)
        self.play_button.setToolTip("Play or pause (Ctrl+Space)")
        self.play_button.setAccessibleName("Play or pause the recording")
        self.play_button.clicked.connect(self.toggle)
        self.back_button = QToolButton()
        self.back_button.setText("\u22125 s")
        self.back_button.setAccessibleName("Back five seconds")
        self.back_button.setToolTip("Back 5 seconds (Ctrl+,)")
        self.back_button.clicked.connect(lambda: self.skip(-SKIP_SECONDS))
        self.forward_button = QToolButton()
        self.forward_button.setText("+5 s")
        self.forward_button.setAccessibleName("Forward five seconds")
        self.forward_button.setToolTip("Forward 5 seconds (Ctrl+.)")
        self.forward_button.clicked.connect(lambda: self.skip(SKIP_SECONDS))
        self.time_label = QLabel("\u2013")
        self.time_label.setMinimumWidth(120)
        self.speed = QComboBox()
        self.speed.setAccessibleName("Playback speed")
        for speed in SPEEDS:
            self.speed.addItem(f"{speed:g}\u00d7", speed)
        self.speed.setCurrentIndex(SPEEDS.index(1.0))
        self.speed.currentIndexChanged.connect(self._on_speed)
        self.message = QLabel()
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        self.locate_button = QPushButton("Locate\u2026")
        self.locate_button.clicked.connect(self.locateWanted)
        self.locate_button.hide()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 2, 6, 2)
        for widget in (self.play_button, self.back_button, self.forward_button, self.time_label, self.speed):
            layout.addWidget(widget)
        layout.addWidget(self.message, 1)
        layout.addWidget(self.locate_button)
        self._controls = (self.play_button, self.back_button, self.forward_button, self.speed)
        self._set_controls(False)
        self.hide()

    # -- the recording ------------------------------------------------------------------------
    @property
    def player(self) -> Any:
        """The QMediaPlayer, once a recording has been loaded (None before, or without the extra)."""
        return self._player

    @property
    def ready(self) -> bool:
        return self._player is not None and self._path is not None

    def set_recording(self, path: Path | None, offset: float = 0.0) -> None:
        """Play ``path`` from now on (None: no recording, the bar hides); a problem is said in the bar."""
        self._offset = offset
        self._path = None
        self._pending_ms = None
        self.locate_button.hide()
        if self._player is not None:
            self._player.stop()
            self._player.setSource(QUrl())
        if path is None:
            self.hide()
            return
        self.show()
        if not path.is_file():
            self._say(f"The recording {path.name} was not found (looked for {path}). Locate\u2026 points the seminar at it.")
            self.locate_button.show()
            self._set_controls(False)
            return
        modules = multimedia()
        if modules is None:
            self._say(INSTALL_HINT)
            self._set_controls(False)
            return
        self._make_player(modules)
        self._path = path
        self._say("")
        self._player.setSource(QUrl.fromLocalFile(str(path)))
        self._set_controls(True)

    def _make_player(self, modules: Any) -> None:
        if self._player is not None:
            return
        qt_multimedia, _widgets = modules
        self._player = qt_multimedia.QMediaPlayer(self)
        self._audio = qt_multimedia.QAudioOutput(self)
        self._player.setAudioOutput(self._audio)
        self._player.positionChanged.connect(self._on_position)
        self._player.durationChanged.connect(lambda _ms: self._show_time())
        self._player.playbackStateChanged.connect(self._on_state)
        self._player.mediaStatusChanged.connect(self._on_status)
        self._player.errorOccurred.connect(self._on_error)
        self._player.hasVideoChanged.connect(self._on_video)
        self._player.setPlaybackRate(float(self.speed.currentData()))

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.setToolTip(text)

    def _set_controls(self, enabled: bool) -> None:
        for widget in self._controls:
            widget.setEnabled(enabled)

    # -- playing -------------------------------------------------------------------------------
    def play_from(self, seconds: float) -> bool:
        """Play from ``seconds`` of the transcript; False (said in the bar) when there is nothing to play."""
        if not self.ready:
            return False
        target = max(0, round((seconds + self._offset) * 1000))
        status = self._player.mediaStatus()
        loaded = status in (
            type(status).LoadedMedia, type(status).BufferedMedia, type(status).BufferingMedia, type(status).EndOfMedia,
        )
        if loaded:
            self._player.setPosition(target)
            self._player.play()
        else:  # not loaded yet: seek and play once it is
            self._pending_ms, self._play_after_seek = target, True
        return True

    def toggle(self) -> None:
        if not self.ready:
            return
        state = self._player.playbackState()
        if state == type(state).PlayingState:
            self._player.pause()
        else:
            self._player.play()

    def skip(self, seconds: float) -> None:
        if self.ready:
            self._player.setPosition(max(0, self._player.position() + round(seconds * 1000)))

    def transcript_time(self) -> float | None:
        """Where the recording is, in transcript seconds (None without one)."""
        return self._player.position() / 1000 - self._offset if self.ready else None

    def _on_speed(self, _index: int) -> None:
        if self._player is not None:
            self._player.setPlaybackRate(float(self.speed.currentData()))

    def _on_position(self, _ms: int) -> None:
        self._show_time()
        time = self.transcript_time()
        if time is not None:
            self.transcriptTimeChanged.emit(time)

    def _show_time(self) -> None:
        if self._player is None:
            return
        now, total = self._player.position() / 1000, self._player.duration() / 1000
        self.time_label.setText(f"{clock(now)} / {clock(total)}" if total > 0 else clock(now))

    def _on_state(self, state: Any) -> None:
        playing = state == type(state).PlayingState
        self.play_button.setIcon(self._pause_icon if playing else self._play_icon)

    def _on_status(self, status: Any) -> None:
        if status == type(status).LoadedMedia and self._pending_ms is not None:
            self._player.setPosition(self._pending_ms)
            self._pending_ms = None
            if self._play_after_seek:
                self._player.play()
        elif status == type(status).InvalidMedia and self._path is not None:
            self._say(f"Cannot play {self._path.name}: {self._player.errorString() or 'not a recording this system can play'}")
            self._set_controls(False)

    def _on_error(self, _error: Any, words: str) -> None:
        name = self._path.name if self._path is not None else "the recording"
        self._say(f"Cannot play {name}: {words or 'not a recording this system can play'}")
        self._set_controls(False)

    def _on_video(self, has_video: bool) -> None:
        if not has_video or self._player is None:
            if self.video_dock is not None:
                self.video_dock.hide()
            return
        if self.video_dock is None:
            modules = multimedia()
            assert modules is not None  # a player exists only with QtMultimedia
            video = modules[1].QVideoWidget()
            video.setMinimumSize(160, 90)
            self.video_dock = QDockWidget("Recording", self._host)
            self.video_dock.setObjectName("videoDock")
            self.video_dock.setWidget(video)
            self._host.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.video_dock)
            self._player.setVideoOutput(video)
        self.video_dock.show()

