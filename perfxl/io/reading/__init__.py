"""Reading workbooks: sniffing the package, sheet XML, the readers and their engines, cached values for formula cells."""
