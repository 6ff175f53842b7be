"""polyglot: publish announcements cleanly in English, Burmese and Chinese."""

__version__ = "0.1.0"
