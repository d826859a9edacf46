"""Which 定性 bands the workbook's own score formula applies.

``perfxl.layout.INDICATOR_SCORE_FORMULA`` knows the default bands (80/60) and the variants listed
in ``WORKBOOK_BAND_VARIANTS``, recognised by the framework id appearing in the 评价框架 cell
(``COUNTIF(cell, "*id*")``, case-insensitive).  A framework file with other bands is scored with its
own bands in Python, but the workbook formula cannot follow it: a test keeps this list and the
formula in step.
"""
from __future__ import annotations

from perfxl.frameworks import load
from perfxl.frameworks.schema import Bands

__all__ = ["WORKBOOK_BAND_VARIANTS", "workbook_bands"]

#: Frameworks whose 定性 bands INDICATOR_SCORE_FORMULA encodes (domain.md §1.6 [S6]: 80/50).
WORKBOOK_BAND_VARIANTS = ("hubei_project_2020",)


def workbook_bands(framework_text: object) -> Bands:
    """The bands INDICATOR_SCORE_FORMULA uses when the 评价框架 cell holds ``framework_text``."""
    text = "" if framework_text is None else str(framework_text)
    for fid in WORKBOOK_BAND_VARIANTS:
        if fid.lower() in text.lower():
            return load(fid).bands
    return Bands()
