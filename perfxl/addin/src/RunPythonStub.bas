Attribute VB_Name = "xlwings"
' Test stand-in for xlwings' VBA module, used only in the LibreOffice test workbook that
' perfxl.addin.build.build_test_workbook writes. LibreOffice cannot compile the real module,
' so RunPython here just records its argument in cell Z1 of the first sheet.
Option Explicit

Public Function RunPython(ByVal PythonCommand As String)
    ThisWorkbook.Worksheets(1).Range("Z1").Value = PythonCommand
End Function
