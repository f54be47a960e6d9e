"""The `bangfu` command: a thin click layer over the library. The only module that imports click."""
from __future__ import annotations

import functools
import sys

import click

from .errors import BangfuError


def _clean_errors(fn):
    """Turn BangfuError into a one-line click error instead of a traceback."""

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except BangfuError as err:
            raise click.ClickException(str(err)) from None

    return wrapper


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="bangfu")
def cli():
    """bangfu: education pairing-assistance (帮扶) reports into a knowledge graph.

    Example: bangfu build seeds/corpus -o out
    """
    sys.stdout.reconfigure(encoding="utf-8")  # Chinese output on any locale
