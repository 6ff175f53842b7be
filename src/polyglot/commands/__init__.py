"""The commands of ``polyglot`` beyond ``detect`` and ``normalize``: the catalog's, the site's, ``serve``.

They sit on top with ``cli``, above every library package they call, so that a command may
combine packages (``check`` runs the catalog checks and the site's render check; ``extract``
adds the site's own strings to the announcements') while the packages themselves import
one way only. ``cli.LAZY_COMMANDS`` imports a module here only when one of its commands runs.
"""
