"""Builds the example workbooks from their data files (``make examples``).

Each ``examples/data/NNN.toml`` holds what seed NNN's report states (errors included); this
script writes it into the standard workbook with cached values for every formula cell, as a
spreadsheet application would have saved it.
"""
from __future__ import annotations

import sys
import time

from perfxl.examples import EXAMPLES
from perfxl.io.writing.xlsx_fill import write_model


def main(seeds: list[str]) -> None:
    for ex in EXAMPLES:
        if seeds and ex.seed not in seeds:
            continue
        t = time.perf_counter()
        out = write_model(ex.load(), ex.output_path(), cached_values=True)
        print(f"{out}  ({time.perf_counter() - t:.1f} s)")


if __name__ == "__main__":
    main(sys.argv[1:])
