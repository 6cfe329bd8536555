"""``infoview lsp``: the method inside every editor, as a language server over stdio.

A thin adapter over the same core as the command line (STYLE.md: "a new front end is a
thin adapter"): it turns protocol messages into ``parse``/``lint``/edit calls and their
results back into protocol messages. No rule, parse or edit logic lives here.

- ``server``: the pygls 2 server and its wiring (one handler per protocol method).
- ``documents``: which workspace a document belongs to, its settings, the interviews on
  disk; ``settings``: watching ``infoview.toml`` itself.
- ``checking``: parse and lint a buffer's unsaved text as ``infoview lint`` does;
  ``diagnostics``: those results as protocol diagnostics.
- ``headstart``: a child forked before the server imports pygls, which lints the first
  documents while the server is still starting (so they need not wait for it).
- ``positions``: infoview's 1-based character columns <-> the client's 0-based UTF-16
  (or UTF-8/UTF-32) columns, and text edits from old and new text. Converted once, here.
- ``clock``: the injected clock and when the time rules can next change their verdict.
- ``actions``, ``commands``, ``hover``, ``completion``, ``navigation``: the features.

WeasyPrint never loads in the server: packets and thank-you notes are built by
``infoview packet``/``thanks`` in a child process, so rendering never blocks diagnostics.
"""
