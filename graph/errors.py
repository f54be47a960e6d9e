"""The one exception root; the CLI turns these into clean messages, never tracebacks."""


class BangfuError(Exception):
    """bangfu could not do what was asked."""


class InputError(BangfuError):
    """An input file or folder cannot be used."""


class StoreLockedError(BangfuError):
    """Another bangfu process is writing this output folder."""


class QueryError(BangfuError):
    """A SPARQL query is malformed, unknown, or not allowed."""


class MissingDependencyError(BangfuError):
    """An optional dependency is not installed."""
