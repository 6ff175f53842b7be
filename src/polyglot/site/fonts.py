"""The site's self-hosted fonts: a Unicode Burmese font, a Latin face paired with it, and a
Simplified Chinese font.

Why self-hosted: a reader whose device has no Burmese font, or only a Zawgyi one, sees
boxes or silently mis-shaped text; with the font shipped in the site every reader sees
the same correct shaping. The fonts come from where the Makefile installed them (Debian
``fonts-noto-core`` and ``fonts-noto-cjk``, or ``fonts-sil-padauk``) or from a path in
``[tool.polyglot.site]``, and are copied into ``site/fonts/`` at build time as WOFF2.

A Zawgyi font is refused: Zawgyi fonts draw glyphs straight from code points and have no
OpenType shaping for the Myanmar script (``mym2``), which is exactly what makes them
display mis-encoded text as if it were right, hiding the errors the catalogs check for.

Chinese fonts are large (Noto Sans CJK is 19 MB), so the Chinese font is cut down to the
characters the site actually uses; the Burmese font is small and kept whole, because
subsetting a complex-script font can drop the glyphs its shaping rules produce.
"""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTCollection, TTFont, TTLibError

from polyglot.files import InputError, read_text, write_text_if_changed

FONT_DIRS = (Path("/usr/share/fonts"), Path("/usr/local/share/fonts"), Path.home() / ".local/share/fonts")

BURMESE_FAMILY = "Polyglot Myanmar"
"""The CSS family name of the self-hosted Burmese font (distinct from any installed font,
so a test can tell that this font, not a system one, was loaded)."""
CHINESE_FAMILY = "Polyglot SC"
LATIN_FAMILY = "Polyglot Latin"
"""Paired with the Burmese face: Noto Sans Myanmar has no Latin letters, and the names in a
Burmese page (Asia Catalyst, an e-mail address) would otherwise fall back to whatever
sans-serif the reader's browser picks, in a design that does not match."""
LATIN_RANGES = (
    (0x0000, 0x024F),
    (0x0300, 0x036F),
    (0x1E00, 0x1EFF),
    (0x2000, 0x206F),
    (0x20A0, 0x20CF),
    (0x2100, 0x214F),
)
"""What the Latin face is for (its ``unicode-range``): never a Myanmar or Han character."""
LATIN_RANGE = ", ".join(f"U+{low:04X}-{high:04X}" for low, high in LATIN_RANGES)

BURMESE_CANDIDATES = (
    ("NotoSansMyanmar-Regular.ttf", "NotoSansMyanmar-Bold.ttf"),
    ("Padauk-Regular.ttf", "Padauk-Bold.ttf"),
    ("Padauk.ttf", "Padauk-bold.ttf"),
)
CHINESE_CANDIDATES = (
    ("NotoSansCJK-Regular.ttc", "NotoSansCJK-Bold.ttc"),
    ("NotoSansSC-Regular.otf", "NotoSansSC-Bold.otf"),
    ("NotoSansCJKsc-Regular.otf", "NotoSansCJKsc-Bold.otf"),
    ("NotoSansSC-Regular.ttf", "NotoSansSC-Bold.ttf"),
)
LATIN_CANDIDATES = (
    ("NotoSans-Regular.ttf", "NotoSans-Bold.ttf"),
    ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"),
)
CHINESE_FACE = "Noto Sans CJK SC"
"""The face to take from a CJK collection: the Simplified Chinese glyph forms."""

INSTALL_HINT = {
    "Burmese": "install one: sudo apt-get install fonts-noto-core (or fonts-sil-padauk)",
    "Chinese": "install one: sudo apt-get install fonts-noto-cjk",
    "Latin": "install one: sudo apt-get install fonts-noto-core",
}
CANDIDATES = {"Burmese": BURMESE_CANDIDATES, "Chinese": CHINESE_CANDIDATES, "Latin": LATIN_CANDIDATES}


@dataclass(frozen=True)
class FontFile:
    """One font face on disk: a file and, for a collection (``.ttc``), the face in it."""

    path: Path
    number: int = 0


@dataclass(frozen=True)
class SiteFont:
    """A font as the site serves it."""

    family: str
    weight: int
    url: str
    """Relative to the site root."""
    source: str
    unicode_range: str = ""


@cache
def _find(name: str) -> Path | None:
    for directory in FONT_DIRS:
        if directory.is_dir():
            for path in sorted(directory.rglob(name)):
                return path
    return None


def _face_number(path: Path, family: str | None) -> int:
    """Which face of a collection to use (the one named ``family``); 0 for a plain font."""
    if path.suffix.lower() not in (".ttc", ".otc"):
        return 0
    try:
        collection = TTCollection(str(path), lazy=True)
    except (TTLibError, OSError) as err:
        raise InputError(f"{path}: not a font collection: {err}") from None
    names = [face["name"].getDebugName(1) for face in collection.fonts]
    if family is None:
        return 0
    if family not in names:
        raise InputError(f"{path}: has no face {family!r} (it has: {', '.join(map(str, names))})")
    return names.index(family)


def find_fonts(kind: str, override: str | None) -> list[FontFile]:
    """The regular (and, when installed, bold) font of ``kind`` (``Burmese``, ``Chinese``, ``Latin``)."""
    candidates = CANDIDATES[kind]
    face = CHINESE_FACE if kind == "Chinese" else None
    if override is not None:
        path = Path(override)
        if not path.is_file():
            raise InputError(f"{override}: no such font file ([tool.polyglot.site])")
        collection_face = face if path.suffix.lower() in (".ttc", ".otc") else None
        return [FontFile(path, _face_number(path, collection_face))]
    for regular, bold in candidates:
        found = _find(regular)
        if found is not None:
            files = [FontFile(found, _face_number(found, face))]
            bold_path = _find(bold)
            if bold_path is not None:
                files.append(FontFile(bold_path, _face_number(bold_path, face)))
            return files
    wanted = ", ".join(regular for regular, _ in candidates)
    raise InputError(f"no {kind} font found ({wanted}) under {', '.join(map(str, FONT_DIRS))}; {INSTALL_HINT[kind]}")


def open_font(font: FontFile) -> TTFont:
    """Open a face; bounds and timestamp are kept as they are, so output bytes are
    reproducible (a rebuild writes nothing) and saving skips recomputing every outline."""
    try:
        return TTFont(str(font.path), fontNumber=font.number, recalcBBoxes=False, recalcTimestamp=False)
    except (TTLibError, OSError) as err:
        raise InputError(f"{font.path}: not a usable font: {err}") from None


def gsub_scripts(face: TTFont) -> set[str]:
    """The OpenType scripts the font has substitution (shaping) rules for."""
    if "GSUB" not in face or face["GSUB"].table.ScriptList is None:
        return set()
    return {record.ScriptTag for record in face["GSUB"].table.ScriptList.ScriptRecord}


def verify_unicode_burmese(face: TTFont, where: str) -> None:
    """Refuse a Zawgyi font, or any font that cannot shape Unicode Burmese."""
    name = " ".join(str(face["name"].getDebugName(i) or "") for i in (1, 4))
    if "zawgyi" in name.lower():
        raise InputError(
            f"{where}: {name.strip()!r} is a Zawgyi font; the site needs a Unicode "
            "Burmese font (Noto Sans Myanmar or Padauk)"
        )
    cmap = face.getBestCmap() or {}
    missing = [f"U+{code:04X}" for code in range(0x1000, 0x1022) if code not in cmap]
    if missing:
        raise InputError(f"{where}: not a Burmese font (no glyph for {', '.join(missing[:5])}…)")
    if "mym2" not in gsub_scripts(face):
        raise InputError(
            f"{where}: has no OpenType shaping for Unicode Myanmar ('mym2'): a Zawgyi "
            "or legacy font would show mis-encoded text as if it were right"
        )


def woff2(face: TTFont) -> bytes:
    out = io.BytesIO()
    face.flavor = "woff2"
    face.save(out)
    return out.getvalue()


def _weight(face: TTFont) -> int:
    return int(face["OS/2"].usWeightClass) if "OS/2" in face else 400


def install_burmese(site: Path, override: str | None) -> list[SiteFont]:
    """Copy the Burmese font(s) into ``site/fonts/`` as WOFF2, whole."""
    fonts = []
    for font in find_fonts("Burmese", override):
        face = open_font(font)
        verify_unicode_burmese(face, str(font.path))
        weight = 700 if _weight(face) >= 600 else 400
        url = f"fonts/myanmar-{weight}.woff2"
        write_text_if_changed(site / url, woff2(face))
        fonts.append(SiteFont(BURMESE_FAMILY, weight, url, f"{font.path}"))
    return fonts


@cache
def subset_woff2(path: Path, number: int, characters: str) -> tuple[bytes, int]:
    """The face cut down to ``characters`` as WOFF2, and its weight (memoized: slow for CJK)."""
    face = open_font(FontFile(path, number))
    options = subset.Options()
    options.layout_features = ["*"]
    options.name_IDs = ["*"]
    options.notdef_outline = True
    subsetter = subset.Subsetter(options)
    subsetter.populate(text=characters)
    subsetter.subset(face)
    return woff2(face), _weight(face)


def install_chinese(site: Path, override: str | None, text: str) -> list[SiteFont]:
    """Subset the Simplified Chinese font(s) to the characters of ``text`` into ``site/fonts/``."""
    return _install_subset(site, find_fonts("Chinese", override), CHINESE_FAMILY, "zh-hans", text)


def install_latin(site: Path, text: str) -> list[SiteFont]:
    """Subset the Latin face paired with the Burmese one to the Latin characters of ``text``
    (and all of printable ASCII, so a later page's name needs no rebuilt font)."""
    wanted = {char for char in text if any(low <= ord(char) <= high for low, high in LATIN_RANGES)}
    wanted |= {chr(code) for code in range(0x20, 0x7F)}
    fonts = _install_subset(site, find_fonts("Latin", None), LATIN_FAMILY, "latin", "".join(sorted(wanted)))
    return [replace(font, unicode_range=LATIN_RANGE) for font in fonts]


def _install_subset(site: Path, found: list[FontFile], family: str, prefix: str, text: str) -> list[SiteFont]:
    """Cut each font down to the characters of ``text`` as ``site/fonts/<prefix>-<weight>.woff2``.

    Subsetting a CJK font takes seconds, so a small key file beside each output records
    what it was cut from (font file, face, size, mtime) and for which characters; when
    both are unchanged the font is not cut again. The name table (with the font's
    licence, the SIL Open Font License for Noto) is kept whole, as the licence asks.
    """
    characters = "".join(sorted(set(text) - set("\n\r\t")))
    fonts = []
    for font in found:
        info = font.path.stat()
        key = hashlib.sha256(
            f"{font.path}|{font.number}|{info.st_size}|{info.st_mtime_ns}|{characters}".encode()
        ).hexdigest()
        weight = 700 if "bold" in font.path.name.lower() else 400
        url = f"fonts/{prefix}-{weight}.woff2"
        key_path = site / f"{url}.key"
        if not ((site / url).is_file() and key_path.is_file() and read_text(key_path).text == key):
            data, weight = subset_woff2(font.path, font.number, characters)
            write_text_if_changed(site / url, data)
            write_text_if_changed(key_path, key)
        suffix = f"#{font.number}" if font.number else ""
        fonts.append(SiteFont(family, weight, url, f"{font.path}{suffix}"))
    return fonts


def font_css(fonts: list[SiteFont]) -> str:
    """``@font-face`` rules for the self-hosted fonts (``font-display: swap``: text first)."""
    rules = []
    for font in fonts:
        rules.append(
            "@font-face {\n"
            f'  font-family: "{font.family}";\n'
            f'  src: url("{font.url.removeprefix("fonts/")}") format("woff2");\n'
            f"  font-weight: {font.weight};\n"
            "  font-style: normal;\n"
            "  font-display: swap;\n"
            + (f"  unicode-range: {font.unicode_range};\n" if font.unicode_range else "")
            + "}\n"
        )
    digest = hashlib.sha256("".join(font.source for font in fonts).encode()).hexdigest()[:12]
    return f"/* Self-hosted fonts, copied by `polyglot build` ({digest}). */\n" + "\n".join(rules)
