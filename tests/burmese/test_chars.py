import re

from hypothesis import example, given
from hypothesis import strategies as st

from polyglot.burmese.chars import char_class

# Runs of neighbours (so that ranges form), the characters special inside a class, and more.
ALPHABET = [chr(cp) for cp in range(0x1000, 0x1040)] + list("-]^\\[ az09") + ["\ue000", "\uf8ff", "\U0001f600"]


@given(st.sets(st.sampled_from(ALPHABET), min_size=1), st.sampled_from(ALPHABET))
@example({"[", "\\", "]"}, "^")  # a range whose ends are special characters
def test_char_class_matches_exactly_its_characters(chars: set[str], probe: str) -> None:
    """Ranges or not, the class is the set: every member matches, and nothing else
    (the code points just outside each range, a probe from the same alphabet)."""
    pattern = re.compile(f"[{char_class(chars)}]")
    near = {chr(ord(ch) + step) for ch in chars for step in (-1, 1) if 0 < ord(ch) + step < 0xD800}
    for ch in {probe, *chars, *near}:
        assert (pattern.fullmatch(ch) is not None) == (ch in chars), (sorted(chars), ch)


def test_char_class_writes_runs_as_ranges() -> None:
    assert char_class("ကခဂ") == "က-ဂ"
    assert char_class("ကခ") == "ကခ"  # two are shorter as they are
    assert char_class("-]^") == "\\-\\]\\^"  # special characters escaped, never a range's ends by accident
