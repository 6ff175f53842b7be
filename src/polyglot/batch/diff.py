"""The unified diff of a text and its normalized form, fed block by block (``--diff``)."""

from __future__ import annotations

from polyglot.files import BOM


def _lines(text: str) -> list[str]:
    """Lines with their endings, split at ``\\n`` only (as files are read)."""
    parts = text.split("\n")
    return [p + "\n" for p in parts[:-1]] + ([parts[-1]] if parts[-1] else [])


class LineDiff:
    """A unified diff of a text and its normalized form, fed block by block.

    Normalizing never joins or splits lines, so line *i* of the output is the new form
    of line *i* of the input: the diff compares them pair by pair (no sequence matching,
    so no line is ever shown as removed and re-added when it did not change), with
    ``context`` unchanged lines around each change, hunks closer than twice that merged,
    as ``diff -u`` does. Memory: the current hunk and ``context`` lines before it.

    What GNU ``patch`` must read back: a name with whitespace is followed by a tab on the
    ``---``/``+++`` lines (where ``diff -u`` puts its timestamp; without it ``patch``
    ends the name at the first space), and with ``bom`` the file's byte order mark is
    part of its first line in both versions, as it is of the file's bytes.
    """

    def __init__(self, name: str, context: int = 3, *, bom: bool = False) -> None:
        self.name = name
        self.context = context
        self.bom = bom
        self.line = 0
        self.before: list[str] = []
        self.hunk: list[tuple[str, str]] | None = None
        self.start = 0
        self.trailing = 0
        self.header = False
        self.held: tuple[list[str], list[str]] | None = None

    def feed(self, old: str, new: str) -> str:
        """Take the next lines of input and output; return the hunks they complete.

        A block may end inside a line (a long line's piece): that line is held until
        the block that ends it comes, so it is compared, and shown, as one line.
        """
        if self.bom:  # the first line, in both versions
            old, new, self.bom = BOM + old, BOM + new, False
        olds, news = _lines(old), _lines(new)
        if self.held is not None and olds:
            olds[0] = "".join([*self.held[0], olds[0]])
            news[0] = "".join([*self.held[1], news[0]])
            self.held = None
        if olds and not olds[-1].endswith("\n"):
            if self.held is None:
                self.held = ([], [])
            self.held[0].append(olds.pop())
            self.held[1].append(news.pop())
        return self._compare(olds, news)

    def _compare(self, olds: list[str], news: list[str]) -> str:
        out: list[str] = []
        for a, b in zip(olds, news, strict=True):
            self.line += 1
            if a == b:
                if self.hunk is None:
                    self.before = [*self.before, a][-self.context :] if self.context else []
                    continue
                self.hunk.append((" ", a))
                self.trailing += 1
                if self.trailing > 2 * self.context:
                    out.append(self._close())
                continue
            if self.hunk is None:
                self.start = self.line - len(self.before)
                self.hunk = [(" ", x) for x in self.before]
                self.before = []
            self.hunk.append(("-", a))
            self.hunk.append(("+", b))
            self.trailing = 0
        return "".join(out)

    def close(self) -> str:
        """The last hunk, if one is open (with the last line, if it has no line ending)."""
        out: list[str] = []
        if self.held is not None:
            held, self.held = self.held, None
            out.append(self._compare(["".join(held[0])], ["".join(held[1])]))
        if self.hunk is not None:
            out.append(self._close())
        return "".join(out)

    def _close(self) -> str:
        assert self.hunk is not None
        hunk, keep = self.hunk, self.trailing - self.context
        if keep > 0:
            self.before = [x for _, x in hunk[len(hunk) - keep :]][-self.context :] if self.context else []
            hunk = hunk[: len(hunk) - keep]
        self.hunk, self.trailing = None, 0
        # Within a stretch of changed lines, the removed lines come first, then the added ones.
        body: list[str] = []
        i = 0
        while i < len(hunk):
            if hunk[i][0] == " ":
                body.append(_diff_line(" ", hunk[i][1]))
                i += 1
                continue
            j = i
            while j < len(hunk) and hunk[j][0] != " ":
                j += 1
            body += [_diff_line("-", x) for tag, x in hunk[i:j] if tag == "-"]
            body += [_diff_line("+", x) for tag, x in hunk[i:j] if tag == "+"]
            i = j
        count = sum(1 for tag, _ in hunk if tag != "+")
        span = f"{self.start}" if count == 1 else f"{self.start},{count}"
        end = "\t" if any(ch.isspace() for ch in self.name) else ""
        head = "" if self.header else f"--- a/{self.name}{end}\n+++ b/{self.name}{end}\n"
        self.header = True
        return f"{head}@@ -{span} +{span} @@\n" + "".join(body)


def _diff_line(tag: str, line: str) -> str:
    return f"{tag}{line}" if line.endswith("\n") else f"{tag}{line}\n\\ No newline at end of file\n"
