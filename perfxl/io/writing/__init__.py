"""Writing workbooks: atomic saves, the package writer, output sheets, filling a model, cached values."""
