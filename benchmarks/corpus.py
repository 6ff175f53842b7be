"""A seeded, synthetic corpus of mixed lines for benchmarking ``polyglot normalize``.

Real archives (years of posts, message dumps, crawls) mix Burmese in both encodings
with English and Chinese, and they repeat their words with a Zipf-like distribution.
Both matter for speed: non-Burmese lines should cost almost nothing, and repeated
words are what memoized conversion feeds on. A corpus of random characters would
flatter neither and a corpus of one repeated sentence would flatter both, so this one
is built from a large vocabulary of well-formed Burmese words (syllables made from
consonants, medials, vowels, finals and tones, in canonical UTN #11 order), drawn by
Zipf rank. Half of the Burmese lines are converted to Zawgyi with polyglot's own
``unicode_to_zawgyi``, as a Zawgyi keyboard would have stored them.

Everything here is generated: no text is copied from any data set. The same seed and
size always give the same bytes.

    python -m benchmarks.corpus --size 10 --kind mixed -o /tmp/mixed-10.txt
"""

from __future__ import annotations

import argparse
import bisect
import itertools
import random
from collections.abc import Iterator
from pathlib import Path

from polyglot.burmese.convert import unicode_to_zawgyi

MB = 1_000_000

_CONSONANTS = "ကခဂငစဆဇညတထဒနပဖဗဘမယရလဝသဟအ"
_MEDIAL_BASES = {
    "ျ": "ကခဂပဖဗဘမလ",
    "ြ": "ကခဂပဖဗဘမ",
    "ွ": _CONSONANTS,
    "ှ": "ငညနမယလဝ",
    "ျွ": "ကခဂ",
    "ြွ": "ကခဂပ",
    "ွှ": "နမလ",
}
"""Which consonants take which medials in Burmese spelling (ya-pin and ra-yit the velars and
labials, ha-htoe the sonorants), so generated words are spelled as real ones are."""
_OPEN_VOWELS = ["", "ာ", "ိ", "ီ", "ု", "ူ", "ေ", "ဲ", "ော", "ို"]
_CLOSED = {
    "": ["န်", "င်", "တ်", "ပ်", "မ်", "က်", "စ်", "ည်", "ံ"],
    "ိ": ["န်", "တ်", "ပ်", "မ်"],
    "ု": ["န်", "တ်", "ပ်", "မ်", "ံ"],
    "ော": ["င်", "က်"],
    "ို": ["င်", "က်"],
}
"""Finals and the vowels they follow (``ိန်``, ``ုံ``, ``ောင်``, ``ိုက်`` …)."""
_TONES = ["", "", "့", "း"]

_WRITTEN_WORDS_TEXT = (
    "မြန်မာ နိုင်ငံ လူ့အခွင့်အရေး ကျန်းမာရေး အဖွဲ့အစည်း သတင်း အစည်းအဝေး လျှောက်လွှာ သင်တန်း "
    "ကလေး ကျောင်း ရပ်ရွာ အလုပ် စီမံကိန်း ဆေးရုံ ဝန်ဆောင်မှု ပညာရေး အမျိုးသမီး လူငယ် ရန်ကုန် "
    "မန္တလေး ဖိတ်ခေါ် ဆောင်ရွက် ပြုလုပ် ရရှိ ပေးပို့ ဖြည့်စွက် တည်ရှိ ကျင်းပ မှတ်တမ်း အတွက် "
    "နှင့် သည် တွင် ကို များ ပါ မည် ခဲ့ သော ၏ လည်း သို့ "
)
_WRITTEN_WORDS = _WRITTEN_WORDS_TEXT.split()
"""Common words written for this generator, so the most frequent ranks read as Burmese."""

_ENGLISH_TEXT = (
    "the of and to in a is that for it as was with be by on not he this are or his from at "
    "which but have an they you were her she there been one all we their has would when if so "
    "no will more out up into do any your what can some about time could other these only new "
    "people meeting health rights community training application report project organisation "
    "women youth workshop deadline support volunteer programme announcement partners funding "
    "network "
)
_ENGLISH = _ENGLISH_TEXT.split()

_CHINESE = (
    "的一是不了人我在有他这中大来上国个到说们为子和你地出道也时年得就那要下以生会自着去之过家学对可"
    "她里后小么心多天而能好都然没日于起还发成事只作当想看文无开手十用主行方又如前所本见经头面公同三"
    "已老从动两长知民样现分将外但身些与高意进把法此实回二理美点月明其种声全工己话儿者向情部正名定女"
    "问力机给等几很业最间新什打便位因重被走电四第门相次东政海口使教西再平真听世气信北少关并内加化由"
)


def _syllable(rng: random.Random) -> str:
    consonant = rng.choice(_CONSONANTS)
    medial = ""
    if rng.random() < 0.3:
        medial = rng.choice([m for m, bases in _MEDIAL_BASES.items() if consonant in bases])
    if rng.random() < 0.35:
        vowel = rng.choice(list(_CLOSED))
        final = rng.choice(_CLOSED[vowel])
        tone = rng.choice(_TONES) if final not in ("တ်", "ပ်", "က်", "စ်") else ""  # stopped syllables: no tone
        return consonant + medial + vowel + final + tone
    vowel = rng.choice(_OPEN_VOWELS)
    tone = rng.choice(_TONES) if vowel not in ("", "ေ", "ဲ") else ""
    return consonant + medial + vowel + tone


def vocabulary(size: int = 40_000, seed: int = 1) -> list[str]:
    """``size`` distinct Burmese words, most frequent first (written words, then 1–3 syllables)."""
    rng = random.Random(seed)
    words = list(dict.fromkeys(_WRITTEN_WORDS))
    seen = set(words)
    while len(words) < size:
        word = "".join(_syllable(rng) for _ in range(rng.choice((1, 2, 2, 2, 3, 3))))
        if word not in seen:
            seen.add(word)
            words.append(word)
    return words


class Zipf:
    """Draw items by rank with P(rank r) ∝ 1 / r^s: a few words everywhere, a long tail."""

    def __init__(self, items: list[str], s: float = 1.07) -> None:
        self.items = items
        self.cumulative = list(itertools.accumulate(1.0 / (r**s) for r in range(1, len(items) + 1)))

    def draw(self, rng: random.Random) -> str:
        return self.items[bisect.bisect_left(self.cumulative, rng.random() * self.cumulative[-1])]


def burmese_sentence(words: Zipf, rng: random.Random) -> str:
    """Phrases of 1–4 words joined without spaces (as Burmese is written), spaces between phrases."""
    phrases = ["".join(words.draw(rng) for _ in range(rng.randint(1, 4))) for _ in range(rng.randint(2, 9))]
    return " ".join(phrases) + rng.choice(("။", "။", "၊", ""))


def english_sentence(rng: random.Random) -> str:
    words = [rng.choice(_ENGLISH) for _ in range(rng.randint(5, 18))]
    return " ".join(words).capitalize() + "."


def chinese_sentence(rng: random.Random) -> str:
    return "".join(rng.choice(_CHINESE) for _ in range(rng.randint(8, 40))) + "。"


def typed_paragraph(words: Zipf, rng: random.Random) -> str:
    """A paragraph as people type Unicode Burmese: sentences of phrases of real length (most
    phrases one to three words, a few long runs of six or more without a space), commas
    and full stops, numbers in Burmese digits and now and then in Latin ones, a bracketed
    or quoted phrase, an English name; and the habits of typed text the rules normalize,
    at the rates one sees in it: the asat typed before the dot below (``င့််`` order,
    one word in fifty), the vowel ``ဥ`` typed for the letter ``ဉ`` before an asat, a
    zero-width space between words now and then."""
    asat_first = rng.random() < 1 / 3
    sentences = []
    for _ in range(rng.randint(1, 5)):
        phrases = []
        for _ in range(rng.randint(2, 12)):
            count = rng.choice((1, 1, 1, 2, 2, 3, 4, 6, 8))
            phrase = "".join(_typed_word(words.draw(rng), rng, asat_first) for _ in range(count))
            roll = rng.random()
            if roll < 0.06:
                phrase = "".join("၀၁၂၃၄၅၆၇၈၉"[int(d)] for d in str(rng.randint(1, 2030))) + phrase
            elif roll < 0.08:
                phrase = f"({phrase})"
            elif roll < 0.10:
                phrase = f"“{phrase}”"
            elif roll < 0.12:
                phrase = f"{rng.randint(1, 99)} {phrase}"
            elif roll < 0.13:
                phrase = rng.choice(_ENGLISH).capitalize()
            phrases.append(phrase + ("၊" if rng.random() < 0.08 else ""))
        sentences.append(" ".join(phrases) + "။")
    return " ".join(sentences)


def _typed_word(word: str, rng: random.Random, asat_first: bool) -> str:
    """``word`` as one typist types it: the generator's words carry the asat before the dot
    below, which ``asat_first`` typists keep and others type in storage order."""
    if not asat_first:
        word = word.replace("\u103a\u1037", "\u1037\u103a")
    roll = rng.random()
    if roll < 0.02 and "\u1026" in word:
        return word.replace("\u1026", "\u1025\u102e", 1)  # ဦ typed as ဥ + ီ
    if roll < 0.03:
        return word + "\u200b"  # a zero-width space between words
    return word


def lines(kind: str, seed: int = 7) -> Iterator[str]:
    """An endless, deterministic stream of lines (without newlines).

    ``mixed``: 60% Burmese (half of them Zawgyi), 25% English, 15% Chinese, and a blank
    line now and then. ``unicode``: Burmese in Unicode only. ``zawgyi``: Zawgyi only.
    ``typed``: Unicode paragraphs as people type them (``typed_paragraph``).
    """
    rng = random.Random(seed)
    words = Zipf(vocabulary())
    while True:
        roll = rng.random()
        if kind == "unicode":
            yield burmese_sentence(words, rng)
        elif kind == "typed":
            yield typed_paragraph(words, rng)
        elif kind == "zawgyi":
            yield unicode_to_zawgyi(burmese_sentence(words, rng))
        elif roll < 0.30:
            yield burmese_sentence(words, rng)
        elif roll < 0.60:
            yield unicode_to_zawgyi(burmese_sentence(words, rng))
        elif roll < 0.85:
            yield english_sentence(rng)
        elif roll < 0.98:
            yield chinese_sentence(rng)
        else:
            yield ""


def generate(path: str | Path, megabytes: float, kind: str = "mixed", seed: int = 7) -> Path:
    """Write about ``megabytes`` MB (10^6 bytes) of UTF-8 lines to ``path``; return it."""
    target = int(megabytes * MB)
    written = 0
    out = Path(path)
    with out.open("w", encoding="utf-8", newline="\n") as handle:
        for line in lines(kind, seed):
            data = line + "\n"
            handle.write(data)
            written += len(data.encode("utf-8"))
            if written >= target:
                break
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=float, default=10, help="megabytes (1, 10, 100)")
    parser.add_argument("--kind", choices=("mixed", "unicode", "zawgyi", "typed"), default="mixed")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("-o", "--output", required=True)
    args = parser.parse_args()
    generate(args.output, args.size, args.kind, args.seed)


if __name__ == "__main__":
    main()
