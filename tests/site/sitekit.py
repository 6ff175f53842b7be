"""What the site tests share: a fixture project's content and a handle on it, a local server."""

from __future__ import annotations

import functools
import http.server
import shutil
import threading
from pathlib import Path

from polyglot.catalog.pofile import format_po, read_po
from tests.project import REPO, Project

PYPROJECT = """\
[project]
name = "site-fixture"
version = "0"

[tool.polyglot]
corpus = "corpus"
locales = "locales"
domain = "announcements"
languages = ["en", "my", "zh_Hans"]

[tool.polyglot.site]
threshold = 80
"""

DEADLINE = """\
---
title: Applications close on 30 November
slug: deadline
date: 2018-11-30
summary: Send your application before the deadline.
language: en
---

## How to apply

Fill out the form and send it to us.

- Community groups
- Peer educators

| Partner | Place |
|---------|-------|
| Five Hearts | Emei |

Late applications cannot be considered.
"""

NOTES = """\
---
title: Field notes
slug: notes
date: "2018-06"
language: en
---

We visited three towns.

Everyone was welcome.
"""

SCRIPT = '<script>document.title="pwned";alert(1)</script>'

MY = {
    "Applications close on 30 November": "နိုဝင်ဘာ ၃၀ ရက်နေ့တွင် လျှောက်လွှာ ပိတ်မည်",
    "Send your application before the deadline.": "နောက်ဆုံးရက်မတိုင်မီ လျှောက်လွှာ ပေးပို့ပါ။",
    "How to apply": "လျှောက်ထားနည်း",
    "Fill out the form and send it to us.": "ပုံစံကို ဖြည့်ပြီး ကျွန်ုပ်တို့ထံ ပေးပို့ပါ။",
    "Community groups": "ရပ်ရွာအဖွဲ့များ",
    "Partner": "မိတ်ဖက်",
    "Place": "နေရာ",
    "Five Hearts": "Five Hearts",
    "Emei": "Emei",
    "Announcements": "ကြေညာချက်များ",
    "In English": "အင်္ဂလိပ်ဘာသာဖြင့်",
    "Choose a language": "ဘာသာစကား ရွေးချယ်ပါ",
}
"""Everything of the deadline announcement but its last paragraph (and one fuzzy entry)."""

HOSTILE = {"my": {"Peer educators": SCRIPT}, "zh_Hans": {"Announcements": "<b>公告</b>"}}
"""Markup in translations a reviewer let through (``ignore-html``, ``ignore-script``): compile
publishes them, so the site's escaping is what stands between them and the reader."""

MY_FUZZY = {"Late applications cannot be considered.": "FUZZY-NEVER-PUBLISHED"}

ZH = {
    "Applications close on 30 November": "申请于11月30日截止",
    "Send your application before the deadline.": "请在截止日期前提交申请。",
    "How to apply": "如何申请",
    "Fill out the form and send it to us.": "请填写表格并发送给我们。",
    "Community groups": "社区团体",
    "Peer educators": "同伴教育者",
    "Partner": "合作伙伴",
    "Place": "地点",
    "Five Hearts": "五心",
    "Emei": "峨眉",
    "Late applications cannot be considered.": "逾期申请不予考虑。",
    "Field notes": "实地笔记",
    "We visited three towns.": "我们走访了三个城镇。",
    "Everyone was welcome.": "欢迎所有人。",
    "In English": "英文",
}


class SiteProject(Project):
    """A project in a temporary directory, with what the site tests need on top."""

    def translate(self, lang: str, table: dict[str, str], *, fuzzy: bool = False, ignore: str = "") -> None:
        """Set msgstrs as a translator would; ``ignore`` (``"ignore-html"``) as a reviewer
        who accepted them failing those checks (``polyglot review --accept --ignore``)."""
        path = self.po(lang)
        catalog = read_po(str(path))
        for message in catalog.messages:
            if message.msgid in table:
                message.msgstr = table[message.msgid]
                message.fuzzy = fuzzy
                if ignore:
                    message.translator_comments.append(ignore)
        path.write_text(format_po(catalog), encoding="utf-8")

    def page(self, relative: str) -> str:
        return (self.root / "site" / relative).read_text(encoding="utf-8")

    def site_files(self) -> list[Path]:
        return sorted((self.root / "site").rglob("*.html"))


def repository_copy(root: Path, *commands: list[str]) -> None:
    """The repository's announcements, catalogs and configuration copied into ``root``
    (the working tree is left alone), and the polyglot ``commands`` run there."""
    import os

    from click.testing import CliRunner

    from polyglot.cli import main

    for name in ("corpus", "locales"):
        shutil.copytree(REPO / name, root / name)
    shutil.copy(REPO / "pyproject.toml", root / "pyproject.toml")
    previous = Path.cwd()
    os.chdir(root)
    try:
        for args in commands:
            result = CliRunner().invoke(main, args, catch_exceptions=False)
            assert result.exit_code == 0, (args, result.output, result.stderr)
    finally:
        os.chdir(previous)


def serve(directory: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    """A static file server for ``directory`` on 127.0.0.1 (a free port), in a thread."""

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            pass

    handler = functools.partial(Quiet, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"
