"""``polyglot serve``: the normalize engine behind a local page and a JSON API, for staff.

``app`` is the ASGI application (and what it promises: nothing stored, nothing fetched,
a token beyond loopback), ``inputs`` what a request may carry, ``view`` what the API
answers and the page shows, ``page`` the page itself in each language; the command is
``polyglot.commands.serve``.
"""
