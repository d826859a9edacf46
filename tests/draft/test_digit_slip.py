"""PX611 against PX648: one quantity written twice is an error only when the two values are a
slip of each other (at most two digits changed, added, dropped or swapped); values further
apart are, on real reports, mostly two quantities the text does not tell apart, so a note.
Drafts of our own wording."""
from perfxl.draft import check_text


def _rules(text: str) -> list[tuple[str, str, int]]:
    return [(f.rule, f.level, f.line) for f in check_text(text, notes=True)
            if f.rule in ("PX611", "PX648")]


def test_two_digits_swapped_is_an_error():
    text = ("2023年度某某局整体支出绩效自评报告\n本年培训经费支出 36.45 万元，用于全员轮训。\n"
            "培训经费支出 36.54 万元，完成年度培训计划。")
    assert _rules(text) == [("PX611", "error", 3)]


def test_one_digit_changed_is_an_error():
    text = ("2023年度某某局整体支出绩效自评报告\n本年培训经费支出 36.45 万元，用于全员轮训。\n"
            "培训经费支出 38.45 万元，完成年度培训计划。")
    assert _rules(text) == [("PX611", "error", 3)]


def test_values_far_apart_are_only_a_note():
    text = ("2023年度某某局整体支出绩效自评报告\n本年培训经费支出 36.45 万元，用于全员轮训。\n"
            "培训经费支出 127.08 万元，完成年度培训计划。")
    assert _rules(text) == [("PX648", "info", 3)]


def test_equal_values_say_nothing():
    text = ("2023年度某某局整体支出绩效自评报告\n本年培训经费支出 36.45 万元，用于全员轮训。\n"
            "培训经费支出 36.45 万元，完成年度培训计划。")
    assert _rules(text) == []


def test_the_note_is_hidden_by_default():
    text = ("2023年度某某局整体支出绩效自评报告\n本年培训经费支出 36.45 万元，用于全员轮训。\n"
            "培训经费支出 127.08 万元，完成年度培训计划。")
    assert [f.rule for f in check_text(text) if f.rule in ("PX611", "PX648")] == []


def test_short_numbers_mostly_different_are_only_a_note():
    # 1.07 against 3 (107 / 300): two of three digits differ, not a mistyped figure
    text = ("2023年度某某局整体支出绩效自评报告\n本年资料印刷费支出 3 万元，用于宣传册。\n"
            "资料印刷费支出 1.07 万元，完成年度计划。")
    assert _rules(text) == [("PX648", "info", 3)]
