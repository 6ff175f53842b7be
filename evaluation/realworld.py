"""Evaluation rows for real-world input that must not be damaged .

Four habits of real text, each built here from the public sentences of ``../shared/eval``
(mmgov news and the UDHR, both encodings) or from the Unicode Standard's description of
a language's letters, and each scored as exact lines:

* **typed spaces**: ordinary spaces typed before tone marks, visarga, asat and lower
  vowels, as Zawgyi typists do, in a whole document (none may become a letter);
* **other languages**: Shan, Mon and S'gaw Karen syllables, built from each language's
  own letters, vowels, finals and tones in their written order, alone and as lines of a
  Zawgyi and of a Unicode document (each must come out byte for byte);
* **short runs of the other encoding**: single Unicode words as lines of a Zawgyi
  document (kept), single Zawgyi words as lines of a Unicode document (converted);
* **look-alikes**: numbers typed with the letter wa for zero, vowel signs typed twice.

Each function returns ``data.Row`` objects; the anchor column is what myanmar-tools'
detector at 0.5 with ICU's ``Zawgyi-my`` does with the same input.
"""

from __future__ import annotations

import random
import re
import unicodedata
from collections.abc import Callable
from pathlib import Path

from evaluation.data import DAMAGED, Row, anchor_reading, datasets, pct
from polyglot.burmese.chars import CONSONANTS
from polyglot.burmese.convert import icu_transliterator
from polyglot.burmese.detect import detect_text
from polyglot.burmese.pipeline import normalize_text


def _anchor_lines(lines: list[str]) -> list[str]:
    return [anchor_reading(line) for line in lines]


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


# --- typed spaces ----------------------------------------------------------------------

TYPED_BEFORE = {
    "zawgyi": frozenset("\u1037\u1094\u1095\u1038\u1039\u102f\u1030\u1033\u1034"),
    "unicode": frozenset("\u1037\u1038\u103a\u102f\u1030"),
}
"""Where typists put a space before a mark: tone marks (the dot below and its Zawgyi
variants), the visarga, the asat (U+1039 in Zawgyi, U+103A in Unicode) and the lower vowels."""


def type_spaces(text: str, marks: frozenset[str], rng: random.Random, rate: float = 0.1) -> str:
    """A space typed before some of ``marks`` that follow a letter or mark (not a space)."""
    return "".join(
        " " + ch if ch in marks and i and not text[i - 1].isspace() and rng.random() < rate else ch
        for i, ch in enumerate(text)
    )


def _letters(text: str) -> int:
    return sum(ch in CONSONANTS for ch in text)


def evaluate_typed_spaces(name: str, zawgyi: list[str], unicode: list[str]) -> list[Row]:
    """Spaces typed before marks in a whole document: exact lines, and lines that gained a letter."""
    reference = [_nfc(u) for u in unicode]
    rows: list[Row] = []
    for encoding, source in (("zawgyi", zawgyi), ("unicode", unicode)):
        clean = normalize_text("\n".join(source)).text.split("\n")
        rng = random.Random(14)
        typed = [type_spaces(line, TYPED_BEFORE[encoding], rng) for line in source]
        ours = normalize_text("\n".join(typed)).text.split("\n")
        anchor = _anchor_lines(typed)
        lines = [i for i in range(len(source)) if typed[i] != source[i] and clean[i] == reference[i]]
        dataset = f"{name}, spaces typed before marks ({encoding.title()})"
        rows.append(
            Row(
                dataset,
                "damaged lines exact %",
                pct(sum(anchor[i] == reference[i] for i in lines), len(lines)),
                pct(sum(ours[i] == reference[i] for i in lines), len(lines)),
                len(lines),
            )
        )
        gained = sum(_letters(ours[i]) > _letters(reference[i]) for i in lines)
        anchor_gained = sum(_letters(anchor[i]) > _letters(reference[i]) for i in lines)
        rows.append(Row(dataset, "lines that gained a letter (goal 0)", anchor_gained, gained, len(lines)))
    return rows


# --- other languages in Myanmar script ----------------------------------------------------


def _pick(rng: random.Random, options: str | list[str]) -> str:
    return rng.choice(list(options)) if isinstance(options, str) else rng.choice(options)


def shan_syllable(rng: random.Random) -> str:
    """A Shan syllable in its written order: initial, medial, vowel, final with asat, tone.

    Shan's own consonants (ၵ ၶ ၷ ၸ ၹ ၺ ၻ ၼ ၽ ၾ ၿ ႀ ႁ, ဢ) with the Burmese ones it shares; the
    medial WA ႂ; its vowels, with AA written ႃ in an open syllable and ၢ in a closed one,
    E ႄ, E above ႅ / ဵ, final Y ႆ; tones ႇ ႈ း ႉ ႊ after everything.
    """
    initial = _pick(rng, "ၵၶၷၸၺၼၽၾႁဢတထပမယရလဝသင")
    medial = _pick(rng, ["", "", "", "ႂ", "ျ", "ြ"])
    closed = rng.random() < 0.5
    vowel = _pick(
        rng, ["", "ိ", "ီ", "ု", "ူ", "ေ", "ွ", "ိူ", "ႅ", "ဵ", "ၢ"] if closed else ["ႃ", "ိ", "ီ", "ူ", "ႄ", "ေႃ", "ႆ", "ၢႆ", "ူဝ်"]
    )
    final = _pick(rng, "ၵငတၼပမဝယ") + "\u103a" if closed else ""
    tone = _pick(rng, ["", "ႇ", "ႈ", "း", "ႉ", "ႊ"])
    return initial + medial + vowel + final + tone


def mon_syllable(rng: random.Random) -> str:
    """A Mon syllable: initial (with Mon's own ၚ ၛ ၜ ၝ), medial (ၞ ၟ ၠ among them), vowel
    (Mon's ဳ ဴ ဵ, and AA before AI as in ``လှာဲ``), final with asat, tone."""
    initial = _pick(rng, "ကခဂဃၚစဆဇၛညဋဍဏတထဒဓနပဖဗဘမယရလဝသဟအၜၝ")
    medial = _pick(rng, ["", "", "ၞ", "ၟ", "ၠ", "ျ", "ြ", "ှ"])
    vowel = _pick(rng, ["", "ာ", "ိ", "ီ", "ု", "ူ", "ေ", "ဲ", "ဳ", "ဴ", "ဵ", "ံ", "ော", "ာဲ", "ုဲ"])
    final = _pick(rng, ["", "", "က်", "ၚ်", "စ်", "ည်", "တ်", "န်", "ပ်", "မ်", "ယ်", "ဟ်"]) if "ဲ" not in vowel else ""
    tone = _pick(rng, ["", "", "း", "့"])
    if tone == "့" and final:
        return initial + medial + vowel + final[:-1] + tone + final[-1]  # NFC: dot below before asat
    return initial + medial + vowel + final + tone


def karen_syllable(rng: random.Random) -> str:
    """A S'gaw Karen syllable: initial (with ၡ), medial, vowel (EU ၢ, the anusvara before
    the A of ``ခရံာ်``), tone (ၢ် ၣ် ၤ ၣ ာ် း ့) last."""
    initial = _pick(rng, "ကခဂဃငစဆညတထဒနပဖဘမယရလဝသဟအၡ")
    medial = _pick(rng, ["", "", "ျ", "ြ", "ွ", "ှ"])
    vowel = _pick(rng, ["", "ါ", "ာ", "ိ", "ီ", "ု", "ူ", "ဲ", "ံ", "ၢ", "ံ", "ီၢ", "ံာ"])
    tone = _pick(rng, ["", "ၢ်", "ၣ်", "ၤ", "ၤ", "ၣ", "ာ်", "း", "့"])
    if vowel in ("ၢ", "ီၢ") and tone.startswith("ၢ"):
        tone = "်"
    return initial + medial + vowel + tone


BUILDERS = {"Shan": shan_syllable, "Mon": mon_syllable, "S'gaw Karen": karen_syllable}


def sentence(build: Callable[[random.Random], str], rng: random.Random) -> str:
    """Three to six words of one to three syllables, separated by spaces."""
    words = ["".join(build(rng) for _ in range(rng.randint(1, 3))) for _ in range(rng.randint(3, 6))]
    return " ".join(words)


def evaluate_other_languages(zawgyi_document: list[str], unicode_document: list[str]) -> list[Row]:
    """Shan, Mon and Karen sentences: left byte for byte, alone and inside Burmese documents."""
    rows: list[Row] = []
    for language, build in BUILDERS.items():
        rng = random.Random(f"{language} 14")
        texts = [sentence(build, rng) for _ in range(100)]
        dataset = f"{language} in Myanmar script (built from the Unicode letters)"
        ours = sum(normalize_text(t).text == t for t in texts)
        anchor = sum(anchor_reading(t) == t for t in texts)
        rows.append(Row(dataset, "alone: unchanged %", pct(anchor, len(texts)), pct(ours, len(texts)), len(texts)))
        tag = language.split()[-1].lower()
        detected = sum(all(d.language == tag for d in detect_text(t)) for t in texts)
        rows.append(Row(dataset, "detected as its language %", None, pct(detected, len(texts)), len(texts)))
        for host, document in (("Zawgyi", zawgyi_document), ("Unicode", unicode_document)):
            mixed = [line for pair in zip(document, texts, strict=False) for line in pair]
            out = normalize_text("\n".join(mixed)).text.split("\n")
            inserted = [i for i in range(len(mixed)) if i % 2 == 1]
            kept = sum(out[i] == mixed[i] for i in inserted)
            anchor_kept = sum(anchor_reading(mixed[i]) == mixed[i] for i in inserted)
            metric = f"as lines of a {host} document: unchanged %"
            rows.append(Row(dataset, metric, pct(anchor_kept, len(inserted)), pct(kept, len(inserted)), len(inserted)))
    return rows


# --- short runs of the other encoding -------------------------------------------------------


def _short_words(lines: list[str], rng: random.Random, count: int = 60) -> list[str]:
    words = sorted(
        {w for line in lines for w in line.split() if 2 <= len(w) <= 10 and not re.search(r"[^\u1000-\u109f]", w)}
    )
    return rng.sample(words, min(count, len(words)))


def evaluate_short_runs(name: str, zawgyi: list[str], unicode: list[str]) -> list[Row]:
    """Single words of one encoding as lines of a document in the other."""
    rng = random.Random(14)
    icu = icu_transliterator("Zawgyi-my")
    rows: list[Row] = []
    uni_words = [w for w in _short_words(unicode, rng) if icu.transliterate(w) != w]
    mixed = [line for pair in zip(zawgyi, uni_words, strict=False) for line in pair]
    out = normalize_text("\n".join(mixed)).text.split("\n")
    inserted = list(range(1, 2 * min(len(zawgyi), len(uni_words)), 2))
    want = {i: normalize_text(mixed[i], source="unicode").text for i in inserted}  # NFC and UTN #11 order
    kept = sum(out[i] == want[i] for i in inserted)
    anchor = sum(_nfc(anchor_reading(mixed[i])) == want[i] for i in inserted)
    dataset = f"{name}, short runs of the other encoding"
    metric = "Unicode words in a Zawgyi document kept %"
    rows.append(Row(dataset, metric, pct(anchor, len(inserted)), pct(kept, len(inserted)), len(inserted)))
    zaw_words = [w for w in _short_words(zawgyi, rng) if icu.transliterate(w) != w]
    mixed = [line for pair in zip(unicode, zaw_words, strict=False) for line in pair]
    out = normalize_text("\n".join(mixed)).text.split("\n")
    inserted = list(range(1, 2 * min(len(unicode), len(zaw_words)), 2))
    want = {i: normalize_text(mixed[i], source="zawgyi").text for i in inserted}
    converted = sum(out[i] == want[i] for i in inserted)
    anchor = sum(anchor_reading(mixed[i]) == want[i] for i in inserted)
    metric = "Zawgyi words in a Unicode document converted %"
    rows.append(Row(dataset, metric, pct(anchor, len(inserted)), pct(converted, len(inserted)), len(inserted)))
    return rows


# --- look-alikes ------------------------------------------------------------------------------

_NUMBER = re.compile("[\u1040-\u1049]*\u1040[\u1040-\u1049]*")
_VOWELS = "\u102b\u102c\u102d\u102e\u102f\u1030\u1032\u1036"


def _wa_for_zero(text: str) -> str:
    """Every zero of a number (two digits or more) typed as the letter wa."""
    return _NUMBER.sub(lambda m: m.group().replace("\u1040", "\u101d") if len(m.group()) > 1 else m.group(), text)


def _double_a_vowel(text: str, rng: random.Random) -> str:
    places = [i for i, ch in enumerate(text) if ch in _VOWELS]
    if not places:
        return text
    i = rng.choice(places)
    return text[: i + 1] + text[i] + text[i + 1 :]


def evaluate_look_alikes(name: str, zawgyi: list[str], unicode: list[str]) -> list[Row]:
    """Numbers typed with wa, vowel signs typed twice: exact lines, per input encoding."""
    reference = [_nfc(u) for u in unicode]
    rows: list[Row] = []
    for encoding, source in (("zawgyi", zawgyi), ("unicode", unicode)):
        clean = normalize_text("\n".join(source)).text.split("\n")
        good = [i for i in range(len(source)) if clean[i] == reference[i]]
        rng = random.Random(14)
        for habit, damaged in (
            ("numbers typed with wa for zero", [_wa_for_zero(line) for line in source]),
            ("a vowel sign typed twice", [_double_a_vowel(line, rng) for line in source]),
        ):
            lines = [i for i in good if damaged[i] != source[i]]
            ours = normalize_text("\n".join(damaged)).text.split("\n")
            anchor = _anchor_lines(damaged)
            dataset = f"{name}, {habit} ({encoding.title()})"
            hits = sum(ours[i] == reference[i] for i in lines)
            rows.append(
                Row(
                    dataset,
                    "damaged lines exact %",
                    pct(sum(anchor[i] == reference[i] for i in lines), len(lines)),
                    pct(hits, len(lines)),
                    len(lines),
                )
            )
            if encoding == "unicode":
                given = normalize_text("\n".join(damaged), source="unicode").text.split("\n")
                hits = sum(given[i] == reference[i] for i in lines)
                rows.append(
                    Row(dataset, "damaged lines exact % with --from unicode", None, pct(hits, len(lines)), len(lines))
                )
    return rows


def evaluate_realworld(root: Path) -> list[Row]:
    """Every row of this module, on the mmgov and UDHR sentences under ``root``."""
    rows: list[Row] = []
    documents = {name: pairs for name, pairs in datasets(root) if name in DAMAGED}
    for name, pairs in documents.items():
        zawgyi, unicode = [p.zawgyi for p in pairs], [p.unicode for p in pairs]
        rows += evaluate_typed_spaces(name, zawgyi, unicode)
        rows += evaluate_short_runs(name, zawgyi, unicode)
        rows += evaluate_look_alikes(name, zawgyi, unicode)
    first = next(iter(documents.values()))
    rows += evaluate_other_languages([p.zawgyi for p in first], [p.unicode for p in first])
    return rows
