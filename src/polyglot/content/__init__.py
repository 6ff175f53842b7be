"""Announcement documents as translatable blocks, and their translated rendering."""

from polyglot.content.document import Block, Document, load_document, parse_document
from polyglot.content.render import render_markdown

__all__ = ["Block", "Document", "load_document", "parse_document", "render_markdown"]
