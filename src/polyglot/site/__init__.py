"""The static website built from the compiled catalogs (``polyglot build``).

The site is the reference consumer of ``polyglot compile``'s artifacts: it reads the
corpus and ``build/`` (the Jed JSON catalogs and ``manifest.json``), never the ``.po``
files, so what translators have not finished reviewing (fuzzy entries) cannot reach it.
"""
