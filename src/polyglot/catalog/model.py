"""The catalog model: a PO or POT file's header and messages, apart from how it is written.

Reading and writing the PO format is ``pofile.py``'s work (as Babel keeps
``messages/catalog.py`` apart from ``messages/pofile.py``): the checks, merge, review and
statistics work on these objects and never see the file's syntax.
"""

from __future__ import annotations

from dataclasses import dataclass, field

FUZZY = "fuzzy"


@dataclass
class Message:
    """One entry of a catalog, with everything a PO file can say about it."""

    msgid: str
    msgstr: str = ""
    msgctxt: str | None = None
    msgid_plural: str | None = None
    msgstr_plural: dict[int, str] = field(default_factory=dict)
    locations: list[tuple[str, int | None]] = field(default_factory=list)
    extracted_comments: list[str] = field(default_factory=list)
    translator_comments: list[str] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)
    previous_msgctxt: str | None = None
    previous_msgid: str | None = None
    previous_msgid_plural: str | None = None
    obsolete: bool = False
    line: int = 0
    """Line of ``msgid`` in the file this message was read from (0: not read from a file)."""
    msgstr_line: int = 0
    """Line of ``msgstr``, where findings about the translation point."""

    @property
    def key(self) -> tuple[str | None, str]:
        """What makes a message unique in a catalog."""
        return (self.msgctxt, self.msgid)

    @property
    def fuzzy(self) -> bool:
        return FUZZY in self.flags

    @fuzzy.setter
    def fuzzy(self, value: bool) -> None:
        if value and not self.fuzzy:
            self.flags.insert(0, FUZZY)
        elif not value:
            self.flags = [flag for flag in self.flags if flag != FUZZY]
            self.previous_msgid = None
            self.previous_msgid_plural = None
            self.previous_msgctxt = None

    @property
    def translations(self) -> list[str]:
        """Every msgstr, plural forms included."""
        if self.msgid_plural is not None:
            return [self.msgstr_plural[index] for index in sorted(self.msgstr_plural)]
        return [self.msgstr]

    @property
    def translated(self) -> bool:
        """Has a complete translation that is not fuzzy: only these are ever published."""
        return not self.fuzzy and not self.obsolete and all(self.translations)

    @property
    def has_translation(self) -> bool:
        """Has any translation text at all, fuzzy or not."""
        return any(self.translations)


@dataclass
class Catalog:
    """A PO or POT file: its header fields, the comments above them, and its messages."""

    header: dict[str, str] = field(default_factory=dict)
    header_comments: list[str] = field(default_factory=list)
    header_flags: list[str] = field(default_factory=list)
    messages: list[Message] = field(default_factory=list)
    path: str = "<catalog>"
    header_line: int = 1
    trailing_comments: list[str] = field(default_factory=list)
    """Translator comments after the last message (a reviewer's closing note): kept in place."""

    @property
    def active(self) -> list[Message]:
        """The messages in use (not obsolete)."""
        return [message for message in self.messages if not message.obsolete]

    @property
    def obsolete(self) -> list[Message]:
        return [message for message in self.messages if message.obsolete]

    def find(self, msgid: str, msgctxt: str | None = None) -> Message | None:
        """The active message with this msgid, if any."""
        for message in self.messages:
            if not message.obsolete and message.key == (msgctxt, msgid):
                return message
        return None
