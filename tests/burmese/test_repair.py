"""Repair planning: the cheap search that skips runs must never skip a damage site."""

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from polyglot.burmese import repair

_CHARS = [chr(c) for c in range(0x1000, 0x10A0)] + [" ", " ", "\u2002", "\u200b", "\t", "a"]
runs = st.lists(
    st.tuples(st.text(st.sampled_from(_CHARS), min_size=1, max_size=14), st.sampled_from(["unicode", "zawgyi"])),
    min_size=1,
    max_size=3,
)


@settings(max_examples=1000)
@given(runs)
def test_the_prefilter_finds_every_site(texts: list[tuple[str, str]]) -> None:
    found = repair._damage_sites(texts)
    everything = {encoding: re.compile("") for encoding in repair._MAY_HAVE_SITES}
    saved = dict(repair._MAY_HAVE_SITES)
    try:
        repair._MAY_HAVE_SITES.update(everything)
        assert repair._damage_sites(texts) == found
    finally:
        repair._MAY_HAVE_SITES.update(saved)


def test_sites_of_each_kind_pass_the_prefilter() -> None:
    assert repair._MAY_HAVE_SITES["unicode"].search("လ ွ်ာ")  # a space before a medial
    assert repair._MAY_HAVE_SITES["zawgyi"].search("ၾ\u2002ား")  # a lost letter after medial RA
    assert repair._MAY_HAVE_SITES["zawgyi"].search("က ေ")  # vowel E with no letter after it
    assert not repair._MAY_HAVE_SITES["zawgyi"].search("ျမန္မာ ေက်ာင္း")  # clean Zawgyi
