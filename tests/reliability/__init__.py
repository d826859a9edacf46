"""Reliability: bad workbooks, broken files and hostile input (issue 8)."""
