"""Qt-free presentation: wording, colours, geometry and selection state shared by ui/ and report/."""
