"""Burmese text: detection, Zawgyi conversion, repair and normalization (``pipeline.normalize_text``).

Its public names are exported by ``polyglot`` itself (``polyglot.normalize_text``,
``polyglot.detect_text``, ``polyglot.Result``, ...); the modules here are internal. This
package imports nothing of polyglot's but ``polyglot.patterns`` (``make lint`` checks it).
"""
