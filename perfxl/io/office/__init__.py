"""The office edge: LibreOffice headless (recalculation, .docx -> PDF) and the formulas engine."""
