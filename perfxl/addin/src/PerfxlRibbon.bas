Attribute VB_Name = "PerfxlRibbon"
' perfxl ribbon callbacks: one Sub per button of the ribbon tab (customUI.xml).
' Each Sub only hands over to Python through xlwings' RunPython; all logic lives in
' the perfxl package (perfxl/addin/__init__.py). Keep this file ASCII: VBA source is
' stored in the project's code page (cp1252). Chinese text belongs in Python.
Option Explicit

Sub Validate(control As IRibbonControl)
    RunPython "import perfxl.addin; perfxl.addin.validate()"
End Sub

Sub Score(control As IRibbonControl)
    RunPython "import perfxl.addin; perfxl.addin.score()"
End Sub

Sub Report(control As IRibbonControl)
    RunPython "import perfxl.addin; perfxl.addin.report()"
End Sub

Sub PriorData(control As IRibbonControl)
    RunPython "import perfxl.addin; perfxl.addin.prior_data()"
End Sub

Sub Annotate(control As IRibbonControl)
    RunPython "import perfxl.addin; perfxl.addin.annotate()"
End Sub

Sub ClearMarks(control As IRibbonControl)
    RunPython "import perfxl.addin; perfxl.addin.clear_marks()"
End Sub

Sub About(control As IRibbonControl)
    RunPython "import perfxl.addin; perfxl.addin.about()"
End Sub
