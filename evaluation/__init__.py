"""``make eval``: polyglot's accuracy on the public labelled data in ``../shared/eval/``.

A development tool beside ``benchmarks/``, not part of the installed package: it reads the
data where it lies and prints one table, polyglot beside the anchors (myanmar-tools, ICU).
"""
