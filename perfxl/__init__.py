"""perfxl：预算绩效自评（部门整体 / 项目支出）的标准工作簿、评分、校验与自评报告。

The core (model, scoring, checks, report context) is plain Python; readers and writers for
.xlsx files (openpyxl) and live Excel books (xlwings) sit at the edges in ``perfxl.io`` and
``perfxl.addin``.
"""

__version__ = "0.1.0"

#: Version of the standard workbook layout.  A workbook built by another template version is
#: refused with a clear message (exit code 2) instead of being misread.
#: 2: choices read through TRIM, project names matched with EXACT, blanks tested with TRIM
#: (issue 13): a version-1 workbook computes some figures differently, so it is refused.
#: 3: a 公务用车 subtotal row in the “三公”经费 table (经费控制 fields move one row down), the
#: 三公 change and 支出 change blank when a total is blank (issue 24).
TEMPLATE_VERSION = "3"
