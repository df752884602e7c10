"""Stand-ins for the objects that would talk to the user, shared by every test that drives a window."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class FakeDialogs:
    """Stands in for ui.dialogs.Dialogs: records every call and answers from its attributes."""

    open_answer: str | None = None
    options_answer: Any = None
    save_answer: str | None = None
    ask_answer: bool = False
    save_changes_answer: str = "discard"
    recover_answer: bool = False
    changed_on_disk_answer: str = "cancel"
    """What to do when the file changed on disk before a save: "overwrite", "save_as", "reload" or "cancel"."""
    new_seminar_answer: Any = None
    details_answer: Any = None
    source_answer: str | None = None
    excerpt_changes_answer: Any = "all"
    """What the excerpt-changes dialog returns: "all" (every rewritten excerpt taken), a set of position ids, or None (cancel)."""
    speaker_answer: Any = None
    theme_answer: Any = None
    split_answer: int | None = None
    merge_answer: str | None = None
    speaker_choice_answer: str | None = None
    item_answer: str | None = None
    codebook_answer: str | None = None
    recording_answer: str | None = None
    offset_answer: float | None = 0.0
    level_answer: int | None = 1
    opens_externally: bool = True  # whether a viewer "opens" a file handed to open_externally
    transcript_answer: str | None = None
    preview_answer: Any = "confirm"
    """What the import preview returns: "confirm" (the mapping as first shown), None (cancel), or a function."""
    coding_paths_answer: list[str] = field(default_factory=list)
    """The coder files Analysis ▸ Compare with Another Coding is given."""
    coding_round_answer: Any = None
    """What File ▸ New Coding Round's dialog returns: (coder, round, mode), or None (cancel)."""
    calls: list[tuple[str, Any]] = field(default_factory=list)

    def open_seminar_path(self, parent, start_folder=""):
        self.calls.append(("open_seminar_path", start_folder))
        return self.open_answer

    def transcript_path(self, parent, start_folder=""):
        self.calls.append(("transcript_path", start_folder))
        return self.transcript_answer

    def import_preview(self, parent, path, transcript, reread):
        self.calls.append(("import_preview", (path, transcript)))
        if self.preview_answer == "confirm":
            from desktop_app.model.importers.mapping import LabelMapping, build_seminar, title_from_path

            return build_seminar(transcript, LabelMapping.initial(transcript), title_from_path(path))
        if callable(self.preview_answer):
            return self.preview_answer(parent, path, transcript, reread)
        return self.preview_answer

    def export_options(self, parent, dataset, selected_speaker, previous=None):
        self.calls.append(("export_options", (selected_speaker, previous)))
        return self.options_answer

    def save_path(self, parent, title, suggested, file_filter):
        self.calls.append(("save_path", (title, suggested, file_filter)))
        return self.save_answer

    def show_problems(self, parent, error):
        self.calls.append(("show_problems", error))

    def show_error(self, parent, title, message, details=None):
        self.calls.append(("show_error", (title, message, details)))

    def show_info(self, parent, title, message):
        self.calls.append(("show_info", (title, message)))

    def show_about(self, parent, title, message):
        self.calls.append(("show_about", (title, message)))

    def ask(self, parent, title, question):
        self.calls.append(("ask", question))
        return self.ask_answer

    def ask_save_changes(self, parent, name, doing):
        self.calls.append(("ask_save_changes", (name, doing)))
        return self.save_changes_answer

    def ask_changed_on_disk(self, parent, name):
        self.calls.append(("ask_changed_on_disk", name))
        return self.changed_on_disk_answer

    def ask_recover(self, parent, summary):
        self.calls.append(("ask_recover", summary))
        return self.recover_answer

    def new_seminar(self, parent):
        self.calls.append(("new_seminar", None))
        return self.new_seminar_answer

    def recording_path(self, parent, start_folder=""):
        self.calls.append(("recording_path", start_folder))
        return self.recording_answer

    def recording_offset(self, parent, current):
        self.calls.append(("recording_offset", current))
        return self.offset_answer

    def codebook_path(self, parent, start_folder=""):
        self.calls.append(("codebook_path", start_folder))
        return self.codebook_answer

    def coding_paths(self, parent, start_folder=""):
        self.calls.append(("coding_paths", start_folder))
        return list(self.coding_paths_answer)

    def coding_round(self, parent, round_label):
        self.calls.append(("coding_round", round_label))
        return self.coding_round_answer

    def seminar_details(self, parent, seminar):
        self.calls.append(("seminar_details", seminar))
        return self.details_answer

    def source_text(self, parent, current):
        self.calls.append(("source_text", current))
        return self.source_answer

    def confirm_excerpt_changes(self, parent, changes):
        self.calls.append(("confirm_excerpt_changes", list(changes)))
        if self.excerpt_changes_answer == "all":
            return {change.position_id for change in changes if change.new is not None}
        return self.excerpt_changes_answer

    def speaker_details(self, parent, speaker, new=False):
        self.calls.append(("speaker_details", (speaker, new)))
        return self.speaker_answer

    def theme_details(self, parent, theme, stance_names, new=False):
        self.calls.append(("theme_details", (theme, new)))
        return self.theme_answer

    def split_point(self, parent, excerpt):
        self.calls.append(("split_point", excerpt))
        return self.split_answer

    def merge_target(self, parent, absorbed_label, choices):
        self.calls.append(("merge_target", (absorbed_label, choices)))
        return self.merge_answer

    def choose_item(self, parent, title, prompt, items):
        self.calls.append(("choose_item", (title, prompt, items)))
        return self.item_answer

    def choose_level(self, parent, title, prompt, deepest):
        self.calls.append(("choose_level", (title, prompt, deepest)))
        return self.level_answer

    def choose_speaker(self, parent, title, prompt, choices):
        self.calls.append(("choose_speaker", (title, prompt, choices)))
        return self.speaker_choice_answer

    def open_externally(self, path):
        self.calls.append(("open_externally", path))
        return self.opens_externally

    def named(self, name: str) -> list[Any]:
        return [payload for kind, payload in self.calls if kind == name]
