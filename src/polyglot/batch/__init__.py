"""Normalize large inputs: streamed in blocks of lines, on several processes, restartable.

``normalize_text`` takes a whole document as context: a short Burmese run follows the
encoding of the document's clear runs, and repairs of PDF damage are decided per
document. A whole archive cannot be one document (reading a file costs about four
times its size in memory), so here input is cut into **blocks** of lines and each block
is normalized by ``normalize_text`` as a document of its own. Everything ``polyglot
normalize`` shows (the text, ``--check``, ``--diff``, ``--explain``, ``--format json``)
comes from these blocks, so what it reports is what it writes.

This package holds no decision of its own (those are all in ``normalize_text``), one
concept per module:

* ``block``: lines into blocks (a long line into pieces, cut where ``burmese.cuts`` says
  no rule looks across), each block normalized, lines and columns counted in the whole
  input;
* ``stream``: a byte stream or a file through the blocks (files are read and written
  through ``polyglot.files``: line by line, atomically);
* ``pool``: the worker processes;
* ``tree``: a tree of files, its walk and the ledger of finished files, so that an
  interrupted run resumes where it stopped;
* ``diff``: the unified diff of a text and its normalized form, fed block by block;
* ``record``: what ``--format json`` prints for an input, as ``polyglot serve`` answers it.

It is named ``batch``, not ``normalize``, because ``polyglot.burmese.normalize`` is the
text rule of that name; this is the machinery that runs the pipeline over inputs of any
size.
"""
