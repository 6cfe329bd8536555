"""``infoview watch``: lint and rebuild packets as interviews are saved.

``core.py`` is the pure part (which paths matter, and per-file debouncing): values in,
values out, tested without an observer or a clock. ``observe.py`` runs watchdog's observer
and keeps it alive; ``loop.py`` is the Watcher, which lints and rebuilds. Only the watch
command imports them, so watchdog and WeasyPrint stay out of every other command.
"""
