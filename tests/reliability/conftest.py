"""Fixtures of the reliability suite (issue 8)."""
from __future__ import annotations

import faulthandler
import sys

import pytest

from tests.reliability.helpers import Corpus

#: A hard stop for a test that hangs in C code a timer cannot interrupt: dump every thread's
#: stack and end the run, instead of a CI job that never finishes.  The per-case bounds are
#: asserted with timers in the tests; this is only the net under them.
WATCHDOG_SECONDS = 180


@pytest.fixture(scope="session")
def corpus(tmp_path_factory) -> Corpus:
    return Corpus(tmp_path_factory.mktemp("corpus"))


@pytest.fixture(autouse=True)
def _watchdog():
    faulthandler.dump_traceback_later(WATCHDOG_SECONDS, exit=True, file=sys.stderr)
    try:
        yield
    finally:
        faulthandler.cancel_dump_traceback_later()
