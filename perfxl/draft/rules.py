"""Importing this module registers every PX6xx rule (report-draft proofreading)."""
from perfxl.draft import (rules_changes, rules_ratios, rules_restated,  # noqa: F401
                          rules_scores, rules_sums, rules_table_text, rules_tables,
                          rules_workbook)
