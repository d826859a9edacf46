"""The extraction layer: figures (value, decimals, unit, label, year) and claims (kind, figures,
words) of single sentences."""
from __future__ import annotations

from decimal import Decimal

import pytest

from perfxl.draft.claims import extract
from perfxl.draft.numbers import figures
from perfxl.draft.reading import units_from_text
from perfxl.draft.text import Doc


def doc(text):
    return Doc(units_from_text(text))


def figs(text):
    d = doc(text)
    return [(str(f.value), f.places, f.unit, f.label, f.year) for f in figures(d.flat, 0, len(d.flat))]


@pytest.mark.parametrize(("text", "want"), [
    ("决算支出 17333259.20 元", [("17333259.20", 2, "元", "决算支出", None)]),
    ("合计１，２３４．５６万元", [("1234.56", 2, "万元", "合计", None)]),
    ("进出口总值693.1亿元", [("693.1", 1, "亿元", "进出口总值", None)]),
    ("工资福利支出为924.72万；", [("924.72", 2, "万", "工资福利支出", None)]),
    ("实际使用外资8094万美元", [("8094", 0, "other", "实际使用外资", None)]),
    ("2022 年年末实有人数 34 人", [("2022", 0, "年", "", None), ("34", 0, "人", "实有人数", 2022)]),
    ("执行率 96.79%，上升 3 个百分点", [("96.79", 2, "%", "执行率", None), ("3", 0, "pp", "上升", None)]),
    ("内设三个机构", [("3", 0, "个", "内设", None)]),
    ("第一个专项", []),
])
def test_figures(text, want):
    assert figs(text) == want


def test_amount_in_yuan_and_tolerance():
    d = doc("支出 5.76 万元")
    f = figures(d.flat, 0, len(d.flat))[0]
    assert f.value_yuan == Decimal("57600.00") and f.tol_yuan == Decimal("50")


def test_change_claim_roles():
    c = extract(doc("一般公共服务支出 3244335.7 元，较上年决算 3034059.49 元减少 210276.21 元。")).of("change")
    assert len(c) == 1
    cur, prior, amount, rate = c[0].figures
    assert (str(cur.value), str(prior.value), str(amount.value), rate) == (
        "3244335.7", "3034059.49", "210276.21", None)
    assert (c[0].words, c[0].basis) == ("减少", "上年")


def test_change_with_rate_only():
    c = extract(doc("限上零售业销售额同比增长 16%。")).of("change")[0]
    assert c.figures[:3] == (None, None, None) and str(c.figures[3].value) == "16"


def test_breakdown_and_shares():
    cl = extract(doc("收入合计 414.31 万元，其中：财政拨款 400 万元，占 96.55%；其他收入 14.31 万元，占 3.45。"))
    (b,) = cl.of("breakdown")
    assert [str(f.value) for f in b.figures] == ["414.31", "400", "14.31"]
    shares = cl.of("share")
    assert [(str(s.figures[0].value), str(s.figures[1].value), s.basis) for s in shares] == [
        ("400", "414.31", "%"), ("14.31", "414.31", "")]


def test_ratio_score_weight_enumeration():
    cl = extract(doc("1. 预算编制。指标分值28分。\n(1)合理性(5分)。自评得分5分。\n"
                     "部门整体支出绩效自评得分为 93 分。\n全年预算数 100 元，执行数 90 元，执行率 90%。\n"
                     "项目共 3 个，分别为甲、乙、丙。"))
    assert [(c.level, str(c.figures[0].value)) for c in cl.of("weight")] == [(3, "28"), (4, "5")]
    assert [(c.words, str(c.figures[0].value)) for c in cl.of("score")] == [("item", "5"),
                                                                          ("total", "93")]
    (r,) = cl.of("ratio")
    assert r.words == "执行率" and [str(f.value) for f in r.figures] == ["90", "100", "90"]
    (e,) = cl.of("enumeration")
    assert e.items == ("甲", "乙", "丙") and e.figures[0].value == 3


def test_soft_line_breaks_join_a_wrapped_sentence():
    d = doc("一般公共服务支出 3244335.71 元，占收入支出的\n18.72%；\n\n（二）部门整体支出\n下一段。")
    sents = [d.flat[a:b] for a, b in d.sentences]
    assert sents[0].startswith("一般公共服务支出") and "18.72%" in sents[0]
    assert any(s.startswith("(二)") for s in sents)


def test_cn_count_reads_as_cn2an_strict_does():
    """The fast path for numerals under 100 agrees with cn2an on every string of up to four
    count numerals (两 read as 二), and cn2an still reads the longer forms."""
    import itertools

    import cn2an

    from perfxl.draft.numbers import cn_count

    def reference(s):
        try:
            return int(cn2an.cn2an(s.replace("两", "二"), "strict"))
        except (ValueError, KeyError, TypeError):
            return None

    alphabet = "一二两三四五六七八九十零"
    checked = 0
    for n in range(1, 5):
        for t in itertools.product(alphabet, repeat=n):
            s = "".join(t)
            assert cn_count(s) == reference(s), s
            checked += 1
    assert checked == 12 + 12**2 + 12**3 + 12**4
    assert (cn_count("二十二"), cn_count("两"), cn_count("一百零一"), cn_count("二二")) == (22, 2, 101, None)
