"""The loop a user would write without polyglot: the baseline of ``make bench``.

Per line: myanmar-tools' ``ZawgyiDetector``, and ICU's ``Zawgyi-my`` when P(Zawgyi) is
above 0.5. The detector and the transliterator are created once, as any sensible
script would. Reads the whole file, as such a script does.

    python -m benchmarks.naive INPUT OUTPUT
"""

from __future__ import annotations

import sys


def main(source: str, destination: str) -> None:
    import icu
    from myanmartools import ZawgyiDetector

    detector = ZawgyiDetector()
    converter = icu.Transliterator.createInstance("Zawgyi-my")
    with open(source, encoding="utf-8", newline="") as handle:
        lines = handle.readlines()
    with open(destination, "w", encoding="utf-8", newline="") as out:
        for line in lines:
            if detector.get_zawgyi_probability(line) > 0.5:
                line = converter.transliterate(line)
            out.write(line)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
