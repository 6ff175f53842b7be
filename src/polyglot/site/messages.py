"""The site's own strings (its templates) as catalog messages.

They go into the same catalogs as the announcements, so translators have one file per
language and ``polyglot compile`` publishes them with the same rules. ``polyglot extract``
passes :func:`site_messages` to the catalog's extract step; it is empty unless the project
has a ``[tool.polyglot.site]`` table, so a project without a website gets no website strings.
Locations are package-relative (``polyglot/site/templates/page.html``): the same on every
machine, whichever directory polyglot is installed in.
"""

from __future__ import annotations

from polyglot.catalog.extract import Extracted
from polyglot.config import Config
from polyglot.files import read_text
from polyglot.site.settings import load_site_settings
from polyglot.site.templating import TEMPLATES, environment, template_names

COMMENT = "site"
"""The extracted comment translators see: a string of the website, not of an announcement."""


SERVE_TEMPLATES = TEMPLATES.parent.parent / "serve" / "templates"
"""``polyglot serve``'s page: a page of the organisation's, translated with the site."""


def site_strings() -> list[tuple[str, str, int]]:
    """Every translatable string of the templates: (msgid, location, line), in file order."""
    env = environment()
    found = []
    for folder in (TEMPLATES, SERVE_TEMPLATES):
        where = folder.relative_to(TEMPLATES.parent.parent.parent).as_posix()
        for name in template_names(folder):
            source = read_text(folder / name).text
            # The i18n extension adds extract_translations to the environment at run time.
            for line, _function, message in env.extract_translations(source):  # type: ignore[attr-defined]
                texts = message if isinstance(message, tuple) else (message,)
                for text in texts:
                    if text:
                        found.append((text, f"{where}/{name}", line))
    return found


def site_messages(config: Config) -> list[Extracted]:
    """The site's strings as extracted messages, if the project has a site (else none)."""
    if not load_site_settings(config).enabled:
        return []
    return [Extracted(text, where, line, COMMENT) for text, where, line in site_strings()]
