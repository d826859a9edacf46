"""Issue 20: a change that writes neither of its two figures, taken from the two years' amounts
stated before it in prose (``perfxl.draft.change_years``), in our own wording."""
from perfxl.draft import check_text

YEARS = ("2023年单位公用经费说明\n"
         "本单位2023年的“三公”经费决算数合计为 612.40 万元,其中公务接待费 12.40 万元。"
         "2022年的三公经费决算数合计为 500.00 万元,其中公务接待费 10.00 万元。\n"
         "2023年“三公”经费决算数相较于上年{word}{c}万元,主要是公务用车更新。\n")


def found(text, rule):
    return [(f.line, f.message) for f in check_text(text) if f.rule == rule]


def test_a_change_far_from_the_two_years_apart_fires():
    got = found(YEARS.format(word="增加", c="150.00"), "PX602")
    assert len(got) == 1 and got[0][0] == 3
    assert "相差 112.40 万元" in got[0][1] and "150.00万元" in got[0][1]


def test_the_right_change_stays_quiet():
    assert found(YEARS.format(word="增加", c="112.40"), "PX602") == []
    assert found(YEARS.format(word="增加", c="112.40"), "PX601") == []


def test_the_wrong_direction_fires():
    assert [line for line, _m in found(YEARS.format(word="减少", c="112.40"), "PX601")] == [3]


def test_two_values_for_one_year_stay_quiet():
    # 2022 is given two totals: which one the change is from is not certain
    text = YEARS.format(word="增加", c="150.00").replace("\n2023年“三公”", "\n2022年的三公经费决算数合计为 480.00 万元。2023年“三公”")
    assert found(text, "PX602") == []


def test_a_year_with_no_amount_stays_quiet():
    text = YEARS.format(word="增加", c="150.00").replace("2022年的三公经费决算数合计为 500.00 万元,", "")
    assert found(text, "PX602") == []
