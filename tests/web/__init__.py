"""The lean core, the offline web page and xlwings Lite (issue 21)."""
