"""Importing this module registers every PX6xx rule (report-draft proofreading)."""
from perfxl.draft import (rules_approximate, rules_base_year,  # noqa: F401
                          rules_change_parts, rules_changes, rules_complete_lists,
                          rules_count_parts, rules_doc_number,
                          rules_form_line, rules_form_totals, rules_forms, rules_head_count,
                          rules_heading_year, rules_indicator_target, rules_numbered_lists,
                          rules_plan_total, rules_plus_total, rules_prose_target, rules_ratios, rules_target_year, rules_unit_slip, rules_realloc, rules_restated, rules_savings, rules_year_pair,
                          rules_score_parts, rules_scores,
                          rules_share_parts, rules_share_total, rules_sums, rules_table_bases,
                          rules_table_blocks,
                          rules_table_changes, rules_table_text, rules_tables, rules_workbook)
