"""The live workbook of the add-in (xlwings): the same reading and writing on an open book."""
