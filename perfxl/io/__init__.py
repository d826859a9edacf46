"""The file edges of perfxl, one room per job:

* ``perfxl.io.reading``: sniffing a package before it is parsed, sheet XML, the workbook reader
  and its engines (openpyxl, calamine), cached values for formula cells without one;
* ``perfxl.io.writing``: atomic saves, the package writer (perfxl's sheets into a copy), output
  sheets, filling a model into the standard workbook, cached values;
* ``perfxl.io.office``: LibreOffice headless (recalculation, .docx -> PDF) and the ``formulas``
  engine;
* ``perfxl.io.live``: the open workbook of the Excel add-in (xlwings).

The batch summary workbook is written by ``perfxl.batch.summary``, next to the batch.  The core
(model, scoring, checks, report) never imports this package.
"""
