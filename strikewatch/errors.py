"""Errors a user can hit. The CLI prints them as one line, never a traceback."""


class UserError(Exception):
    """A problem the user can fix (bad argument, unreachable database, unreadable file)."""
