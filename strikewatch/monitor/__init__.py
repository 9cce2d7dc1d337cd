"""The monitor: sources followed over time (``sources``), the watcher that polls them (``watch``), webhooks
(``hooks``) and the Atom feed of the change log (``atom``). The change log itself is the merge stage's
(``strikewatch.merge.changes``): it is written with the strike records it describes.

See docs/monitor.md.
"""
