"""The command line: parses options, calls the core, prints."""

from drafter.cli.main import main

__all__ = ["main"]
