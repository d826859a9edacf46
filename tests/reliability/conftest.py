"""Fixtures of the reliability suite (issue 8)."""
from __future__ import annotations

import faulthandler
import os
import sys

import pytest

from tests.reliability.helpers import Corpus

#: The last net, for a test hung in C code that pytest-timeout's signal cannot interrupt (a
#: regular expression or a parser that never returns): dump every thread's stack and end this
#: process (under pytest-xdist one worker, which xdist replaces; the run goes on).  Twice the
#: per-test timeout (pyproject.toml), so a slow but alive test is ended by pytest-timeout first,
#: and far above the longest reliability test even on a busy machine (144 s with two suites and
#: six engineers on 2 cores).
WATCHDOG_SECONDS = int(os.environ.get("PERFXL_TEST_WATCHDOG", "3600"))


@pytest.fixture(scope="session")
def corpus(tmp_path_factory) -> Corpus:
    return Corpus(tmp_path_factory.mktemp("corpus"))


def _real_stderr(config):
    """The terminal's stderr, not pytest's capture of it (so the dump is seen in CI logs)."""
    try:
        capman = config.pluginmanager.getplugin("capturemanager")
        return capman._global_capturing.err.targetfd_save  # a dup of the original fd 2
    except Exception:  # noqa: BLE001 - a private attribute; fall back to sys.stderr
        return sys.stderr


@pytest.fixture(autouse=True)
def _watchdog(request):
    faulthandler.dump_traceback_later(WATCHDOG_SECONDS, exit=True,
                                      file=_real_stderr(request.config))
    try:
        yield
    finally:
        faulthandler.cancel_dump_traceback_later()
