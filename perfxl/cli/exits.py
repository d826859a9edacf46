"""The exit codes of every ``perfxl`` command (docs/files-and-exit-codes.md): 0 done, 1 findings
at or above the threshold, 2 the run could not be done (unreadable input, a wrong call)."""

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
