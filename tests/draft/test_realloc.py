"""PX627: a not-assessed indicator's weight said to move to another indicator whose heading still
shows its own weight.  Drafts of our own (not seed 000's sentences): full-width punctuation,
spaces, other verbs (调整到 / 并入 / 计入), unquoted names, 1. headings with 指标分值, and the near
misses that must stay quiet."""
from __future__ import annotations

import pytest

from perfxl.draft import check_text

HEAD = "2023年度部门整体支出绩效自评报告\n\n"

# full-width brackets and digits, the target quoted, score on the heading's next line
V1 = ("（二）预算执行情况（２０分）\n"
      "1. 资金管理。指标分值 １２ 分。\n"
      "（1）预算执行率（５分）。\n"
      "全年预算数 120.5 万元，执行数 118.3 万元，执行率 98.17%。自评得分 ５ 分。\n"
      "（2）资金下达合法性（３分）。\n"
      "本单位无对下转移支付资金，本项指标不考核，其３分权重并入“预算执行率”。\n"
      "（3）财务合规性（４分）。自评得分４分。\n"
      "2. 项目管理。指标分值 8 分。\n"
      "（1）项目实施程序（4分）。自评得分4分。\n"
      "（2）项目监管（4分）。自评得分3分。")
# ASCII brackets, no quotes, "调整到……指标中", amounts in 元
V2 = ("1. 资产管理。指标分值 9 分。\n"
      "(1) 资产配置合规性 (2 分)。自评得分 2 分。\n"
      "(2) 资产盘点情况 (3 分)。\n"
      "本年度未开展资产清查,不适用,该项 3 分调整到固定资产利用率指标中。\n"
      "(3) 固定资产利用率 (4 分)。\n"
      "固定资产原值 356000.00 元,在用 350000.00 元。自评得分 4 分。")
# no N: "本项分值计入……", the target before the source, a 「」 quote
V3 = ("(一)产出指标(30分)\n"
      "1. 数量指标。指标分值 30 分。\n"
      "(1) 培训人次 (10 分)。自评得分 10 分。\n"
      "(2) 走访企业数 (10 分)。自评得分 8 分。\n"
      "(3) 招商活动场次 (10 分)。\n"
      "今年未安排招商活动，本项不予考核，本项分值计入「走访企业数」。")


def px627(text):
    return [f for f in check_text(HEAD + text) if f.rule == "PX627"]


def line_of(text, words):
    lines = (HEAD + text).split("\n")
    return next(i + 1 for i, s in enumerate(lines) if words in s)


@pytest.mark.parametrize(("text", "target", "want", "stated", "heading"), [
    (V1, "预算执行率", 8, 5, "（1）预算执行率"),
    (V2, "固定资产利用率", 7, 4, "(3) 固定资产利用率"),
    (V3, "走访企业数", 20, 10, "(2) 走访企业数"),
])
def test_fires_when_the_target_heading_keeps_its_weight(text, target, want, stated, heading):
    found = px627(text)
    assert len(found) == 1, [f.message for f in found]
    f = found[0]
    assert f.level == "warning"
    assert (f.expected, f.actual) == (want, stated)
    assert f.line == line_of(text, "考核") if "考核" in text else line_of(text, "不适用")
    assert f.quote in (HEAD + text).split("\n")[f.line - 1]
    assert f"“{target}”调整后分值应为 {want} 分" in f.message
    assert f"第 {line_of(text, heading)} 行标题仍写" in f.message


def test_message_names_the_heading_line_and_the_parent():
    f = px627(V1)[0]
    assert "第 5 行标题仍写（５分）" in f.message
    assert "自评得分 ５ 分" in f.message
    assert "“资金管理”的下级分值仍按调整前合计 12 分" in f.message


def test_fires_when_the_score_is_out_of_the_adjusted_weight():
    # scored 7 of the adjusted 7 while the heading still says 4: the heading is what is left
    text = V2.replace("自评得分 4 分", "自评得分 7 分")
    assert [f.expected for f in px627(text)] == [7]


@pytest.mark.parametrize("text", [
    # the target heading shows the increased weight (so the parent sums without the moved item)
    V1.replace("（1）预算执行率（５分）", "（1）预算执行率（８分）").replace("自评得分 ５ 分", "自评得分 ８ 分"),
    V2.replace("(3) 固定资产利用率 (4 分)", "(3) 固定资产利用率 (7 分)"),
    V3.replace("(2) 走访企业数 (10 分)", "(2) 走访企业数 (20 分)"),
    # no heading of that name
    V1.replace("并入“预算执行率”", "并入“资金到位率”"),
    V2.replace("调整到固定资产利用率指标中", "调整到资产使用效益指标中"),
    # the indicator is assessed: a sentence about 计入 in an ordinary indicator
    V2.replace("不适用,该项 3 分调整到", "盘盈资产 3 分钟内登记,其价值计入"),
    # more points moved than the not-assessed indicator has
    V2.replace("该项 3 分调整到", "该项 5 分调整到"),
    # the parent's weight does not add up either way (PX614's business)
    V2.replace("指标分值 9 分", "指标分值 15 分"),
    # scored above even the adjusted weight: another problem
    V2.replace("自评得分 4 分", "自评得分 8 分"),
    # a 计入 sentence outside any indicator section
    "收入合计 414.31 万元，其中 3 分之一计入其他收入。\n(1) 培训人次 (10 分)。\n(2) 其他收入 (5 分)。",
])
def test_quiet(text):
    assert px627(text) == [], [f.message for f in px627(text)]


def test_quiet_on_a_parent_intro_sentence():
    # the moving sentence is in the parent's paragraph, not in a not-assessed leaf's
    text = ("1. 资金管理。指标分值 10 分。其中资金下达合法性不考核，3 分分值调整至“预算执行率”。\n"
            "(1)预算执行率(3分)。自评得分3分。\n(2)资金下达合法性(3分)。\n(3)财务合规性(4分)。")
    assert px627(text) == []


def test_px614_unchanged_on_the_drafts():
    for text in (V1, V2, V3):
        assert [f for f in check_text(HEAD + text) if f.rule == "PX614"] == []


def test_docx_paragraphs(tmp_path):
    import docx

    from perfxl.draft import check_draft
    d = docx.Document()
    for line in (HEAD + V2).split("\n"):
        d.add_paragraph(line)
    p = tmp_path / "v2.docx"
    d.save(str(p))
    found = [f for f in check_draft(p) if f.rule == "PX627"]
    assert [(f.paragraph, f.expected) for f in found] == [(line_of(V2, "不适用"), 7)]
    assert "第 7 段标题仍写" in found[0].message


def test_two_items_moved_to_one_target_add_up():
    text = ("1. 资金管理。指标分值 12 分。\n(1) 预算执行率 (4 分)。自评得分 4 分。\n"
            "(2) 资金下达合法性 (3 分)。\n无转移支付，本项不考核，3 分分值调整至“预算执行率”指标。\n"
            "(3) 结转结余率 (2 分)。\n无结转结余，不适用，2 分权重并入预算执行率。\n"
            "(4) 财务合规性 (3 分)。自评得分 3 分。")
    found = px627(text)
    assert [(f.line, f.expected) for f in found] == [(6, 9), (8, 9)]
    assert "（4 + 调入 5 分）" in found[0].message


def test_one_item_split_between_two_targets():
    text = ("1. 资金管理。指标分值 12 分。\n(1) 预算执行率 (4 分)。自评得分 4 分。\n"
            "(2) 资金下达合法性 (3 分)。\n本项不考核，其中 2 分调整至“预算执行率”，1 分调整至“财务合规性”。\n"
            "(3) 财务合规性 (5 分)。自评得分 5 分。")
    assert sorted((f.expected, f.actual) for f in px627(text)) == [(6, 4), (6, 5)]


def test_quiet_when_the_name_is_ambiguous():
    # two headings contain the name and neither is a sibling of the not-assessed item
    text = ("1. 资金管理。指标分值 7 分。\n(1) 资金下达合法性 (3 分)。\n本项不考核，分值调整至“执行率”。\n"
            "(2) 财务合规性 (4 分)。\n2. 执行管理。指标分值 8 分。\n(1) 预算执行率 (4 分)。\n"
            "(2) 采购执行率 (4 分)。")
    assert px627(text) == []


def test_quiet_when_more_points_are_given_away_than_the_item_has():
    text = ("1. 资金管理。指标分值 12 分。\n(1) 预算执行率 (4 分)。自评得分 4 分。\n"
            "(2) 资金下达合法性 (3 分)。\n本项不考核，其中 2 分调整至“预算执行率”，2 分调整至“财务合规性”。\n"
            "(3) 财务合规性 (5 分)。自评得分 5 分。")
    assert px627(text) == []
