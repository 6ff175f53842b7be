"""What the page shows, without a browser: verdicts per paragraph, stretches that add up to the text."""

from __future__ import annotations

from typing import Any

from polyglot.batch.block import Options
from polyglot.burmese.convert import unicode_to_zawgyi
from polyglot.serve.inputs import Upload
from polyglot.serve.view import page_view

UNICODE = "မြန်မာနိုင်ငံသည် အရှေ့တောင်အာရှတွင် တည်ရှိပြီး ရန်ကုန်မြို့သည် အကြီးဆုံးမြို့ ဖြစ်သည်။"
ZAWGYI = unicode_to_zawgyi("ကျွန်ုပ်တို့၏ အဖွဲ့သည် လူ့အခွင့်အရေး မှတ်တမ်းတင်ခြင်း လုပ်ငန်းများကို ဆောင်ရွက်ပါသည်။")


def view(text: str, to: str = "unicode") -> dict[str, object]:
    return page_view(Upload("<stdin>", text.encode(), Options(target=to)))  # type: ignore[arg-type]


def test_a_verdict_per_paragraph() -> None:
    text = f"{UNICODE}\n\n{ZAWGYI}\n\n{UNICODE}\n{ZAWGYI}\n\nOnly English here.\n"
    shown = view(text)
    paragraphs = shown["paragraphs"]
    assert isinstance(paragraphs, list)
    assert [p["verdict"] for p in paragraphs] == ["unicode", "zawgyi", "mixed", "none"]
    assert [p["line"] for p in paragraphs] == [1, 3, 5, 8]
    assert "log-odds of Zawgyi" in str(paragraphs[1]["why"]) and paragraphs[3]["why"] == ""


def test_the_stretches_are_the_text_and_the_input_is_readable() -> None:
    text = f"{ZAWGYI}\n{UNICODE}\n"
    shown = view(text)
    paragraphs = shown["paragraphs"]
    assert isinstance(paragraphs, list) and len(paragraphs) == 1
    paragraph: dict[str, Any] = paragraphs[0]
    output = ["".join(stretch["text"] for stretch in line) for line in paragraph["output"]]
    assert "\n".join(output) + "\n" == shown["text"]
    assert paragraph["input"][0] == shown["text"].split("\n")[0]  # the Zawgyi line, as it reads
    changes: Any = shown["changes"]
    assert isinstance(changes, list) and changes
    marked = [s for line in paragraph["output"] for s in line if "change" in s]
    assert [changes[s["change"]]["after"] for s in marked] == [s["text"] for s in marked]


def test_to_zawgyi_takes_zawgyi_away_and_shows_unicode() -> None:
    shown = view(f"{UNICODE}\n", to="zawgyi")
    assert shown["text"] == unicode_to_zawgyi(UNICODE) + "\n"
    assert "".join(s["text"] for s in shown["paragraphs"][0]["output"][0]) == UNICODE  # type: ignore[index]
