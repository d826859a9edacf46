"""Malformed inputs for the reliability suite, all built by code (see ``tests/corpus/make.py``)."""
