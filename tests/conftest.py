"""Shared fixtures: Burmese sentences written for these tests (not taken from any data set)."""

from __future__ import annotations

import pytest

from polyglot.burmese.convert import unicode_to_zawgyi

UNICODE_SENTENCES = [
    "မြန်မာနိုင်ငံသည် အရှေ့တောင်အာရှတွင် တည်ရှိသည်။",
    "လူတိုင်းတွင် လွတ်လပ်စွာ ထုတ်ဖော်ပြောဆိုခွင့် ရှိသည်။",
    "အစည်းအဝေးကို နိုဝင်ဘာလ ၁၅ ရက်နေ့တွင် ကျင်းပမည်။",
    "ကျွန်တော်တို့အဖွဲ့သည် လူ့အခွင့်အရေး မှတ်တမ်းတင်ခြင်း လုပ်ငန်းကို ဆောင်ရွက်ပါသည်။",
    "လျှောက်လွှာပုံစံကို ဖြည့်စွက်ပြီး ပေးပို့ပါ။",
    "ရပ်ရွာအခြေပြု အဖွဲ့အစည်းများနှင့် ပူးပေါင်းဆောင်ရွက်ရန် ဖိတ်ခေါ်အပ်ပါသည်။",
    "ကျန်းမာရေး ဝန်ဆောင်မှုများ ရရှိနိုင်ရေးအတွက် အသိပညာပေး သင်တန်းများ ပြုလုပ်သည်။",
    "ကလေးများ ကျောင်းသို့ သွားကြသည်။",
]
"""Real, well-formed sentences in canonical Unicode order."""

ZAWGYI_SENTENCES = [unicode_to_zawgyi(s) for s in UNICODE_SENTENCES]
"""The same sentences in Zawgyi, as ICU converts them."""


@pytest.fixture(scope="session")
def unicode_sentences() -> list[str]:
    return list(UNICODE_SENTENCES)


@pytest.fixture(scope="session")
def zawgyi_sentences() -> list[str]:
    return list(ZAWGYI_SENTENCES)
