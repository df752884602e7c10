"""A REFI-QDA project as another QDA tool would write it, built by hand for the import's tests.

Two text sources (an interview and field notes), a PDF source, two cases with
variables (one, Age, with no home in a seminar), a nested codebook (Economy >
Trade > Tariffs, and Security), selections coded at every depth, a memo on one
selection, a set and a graph.  Written in our own words, following the schema.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

INTERVIEW = (
    "Interviewer: Thank you for joining us today.\n"
    "Mira Holm: Tariffs on steel will hurt the port within a year.\r\n"
    "Jonas Berg: I think the trade deal protects us; security at the border is the real worry.\n"
    "Mira Holm: We should watch the naval exercises closely \U0001f6a2 this summer.\n"
)
"""Mixed line endings and a character outside the Basic Multilingual Plane, to test offsets in code points."""

NOTES = "Field notes: the room was full; people clapped after the security answer."

G = {
    "user": "0a000000-0000-4000-8000-000000000001",
    "interview": "0b000000-0000-4000-8000-000000000001",
    "notes": "0b000000-0000-4000-8000-000000000002",
    "pdf": "0b000000-0000-4000-8000-000000000003",
    "economy": "0c000000-0000-4000-8000-000000000001",
    "trade": "0c000000-0000-4000-8000-000000000002",
    "tariffs": "0c000000-0000-4000-8000-000000000003",
    "security": "0c000000-0000-4000-8000-000000000004",
    "age": "0d000000-0000-4000-8000-000000000001",
    "role": "0d000000-0000-4000-8000-000000000002",
    "mira": "0e000000-0000-4000-8000-000000000001",
    "jonas": "0e000000-0000-4000-8000-000000000002",
    "memo": "0f000000-0000-4000-8000-000000000001",
}


def _selection(key: str, excerpt: str, code: str, text: str = INTERVIEW, note: str | None = None) -> str:
    start = text.index(excerpt)
    note_ref = f'<NoteRef targetGUID="{G[note]}"/>' if note else ""
    return (
        f'<PlainTextSelection guid="{key}" name="{excerpt}" startPosition="{start}" endPosition="{start + len(excerpt)}">'
        f'<Coding guid="{key[:-1]}f"><CodeRef targetGUID="{G[code]}"/></Coding>{note_ref}</PlainTextSelection>'
    )


SELECTIONS = {
    "10000000-0000-4000-8000-000000000001": ("Tariffs on steel will hurt the port within a year", "tariffs", "mira"),
    "10000000-0000-4000-8000-000000000002": ("the trade deal protects us", "trade", "jonas"),
    "10000000-0000-4000-8000-000000000003": ("security at the border is the real worry", "security", "jonas"),
    "10000000-0000-4000-8000-000000000004": ("watch the naval exercises closely \U0001f6a2 this summer", "security", "mira"),
}


def project_xml() -> str:
    selections = "".join(
        _selection(key, excerpt, code, note="memo" if code == "tariffs" else None)
        for key, (excerpt, code, _who) in SELECTIONS.items()
    )
    refs = {who: "".join(f'<SelectionRef targetGUID="{key}"/>' for key, (_e, _c, w) in SELECTIONS.items() if w == who) for who in ("mira", "jonas")}
    return f"""<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="Port city interviews" origin="Another QDA tool 3.1" creatingUserGUID="{G['user']}">
  <Users><User guid="{G['user']}" name="R. Analyst"/></Users>
  <CodeBook><Codes>
    <Code guid="{G['economy']}" name="Economy" isCodable="true"><Description>Money, jobs and trade.</Description>
      <Code guid="{G['trade']}" name="Trade" isCodable="true">
        <Code guid="{G['tariffs']}" name="Tariffs" isCodable="true"/>
      </Code>
    </Code>
    <Code guid="{G['security']}" name="Security" isCodable="true"/>
  </Codes></CodeBook>
  <Variables>
    <Variable guid="{G['age']}" name="Age" typeOfVariable="Integer"/>
    <Variable guid="{G['role']}" name="Role" typeOfVariable="Text"/>
  </Variables>
  <Cases>
    <Case guid="{G['mira']}" name="Mira Holm">
      <VariableValue><VariableRef targetGUID="{G['age']}"/><IntegerValue>51</IntegerValue></VariableValue>
      <VariableValue><VariableRef targetGUID="{G['role']}"/><TextValue>witness</TextValue></VariableValue>
      {refs['mira']}
    </Case>
    <Case guid="{G['jonas']}" name="Jonas Berg">{refs['jonas']}</Case>
  </Cases>
  <Sources>
    <TextSource guid="{G['interview']}" name="Interview 1" plainTextPath="internal://{G['interview']}.txt">{selections}</TextSource>
    <TextSource guid="{G['notes']}" name="Field notes"><PlainTextContent>{NOTES}</PlainTextContent></TextSource>
    <PDFSource guid="{G['pdf']}" name="Harbour plan" path="internal://{G['pdf']}.pdf"/>
  </Sources>
  <Notes><Note guid="{G['memo']}" name="Memo"><PlainTextContent>Check the steel figures with the port authority.</PlainTextContent></Note></Notes>
  <Sets><Set guid="1a000000-0000-4000-8000-000000000001" name="Port voices"><MemberCode targetGUID="{G['economy']}"/></Set></Sets>
  <Graphs><Graph guid="1b000000-0000-4000-8000-000000000001" name="Map"/></Graphs>
</Project>
"""


def write_foreign_project(path: Path) -> Path:
    """The project as a QDPX at ``path``: project.qde, the interview in sources/, a stand-in PDF."""
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("project.qde", project_xml().encode("utf-8"))
        archive.writestr(f"sources/{G['interview']}.txt", INTERVIEW.encode("utf-8"))
        archive.writestr(f"sources/{G['pdf']}.pdf", b"%PDF-1.4 stand-in")
    return path


def write_empty_project(path: Path) -> Path:
    """A valid project with nothing in it: no codes, no cases, no sources."""
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("project.qde", '<?xml version="1.0" encoding="utf-8"?><Project xmlns="urn:QDA-XML:project:1.0" name="Empty"/>')
    return path
