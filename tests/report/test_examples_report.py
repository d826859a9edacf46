"""The reports of the bundled examples (examples/data/*.toml, seeds 004 and 000).

Seed 004 (Hunan, 万元): all ten sections, and every figure of its 部门整体支出绩效自评表 and
基础数据表 printed with the computed value — 执行率 96.79% (stated 96.00%), 得分 9.68 (stated
9.60), 控制率 94.64% (stated 94.00%), 总分 110 / 109.68 (stated 100 / 100), “三公”经费 down
5.61万元 / 49.34% (stated 增加0.11万元, 上升1.99%).
Seed 000 (Guangdong, 元): one paragraph per indicator with its weight and score.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from perfxl.examples import example, load_example
from perfxl.report import report_text
from perfxl.report.fmt import fmt_score
from perfxl.report.render import TABLE_ROW

ROOT = Path(__file__).resolve().parents[2]


def _need(seed: str) -> None:
    if not example(seed).data_path(ROOT).is_file():
        pytest.skip(f"examples/data/{seed}.toml not present")


@pytest.fixture(scope="module")
def r004():
    _need("004")
    return report_text(load_example("004", ROOT))


@pytest.fixture(scope="module")
def r000():
    _need("000")
    return report_text(load_example("000", ROOT))


def test_004_has_the_ten_sections(r004):
    assert r004[0] == (0, "2023年度岳阳市商务局整体支出绩效自评报告")
    headings = [t for lv, t in r004 if lv == 1 and t[0] in "一二三四五六七八九十"]
    assert headings == [
        "一、部门基本情况", "二、一般公共预算支出情况", "三、政府性基金预算支出情况",
        "四、国有资本经营预算支出情况", "五、社会保险基金预算支出情况", "六、部门整体支出绩效情况",
        "七、存在的问题及原因分析", "八、下一步改进措施",
        "九、部门整体支出绩效自评结果拟应用和公开情况", "十、其他需要说明的情况"]
    assert (1, "部门整体支出绩效自评表") in r004
    assert (1, "2023年度部门整体支出绩效评价基础数据表") in r004


#: Every row of seed 004's 部门整体支出绩效自评表 and 基础数据表, as the report prints them.
TABLE_ROWS_004 = [
    # 自评表: 年度资金总额 with the computed 执行率 and 得分 (stated 96.00% / 9.60)
    "年度资金总额\t2,161.19\t4,128.02\t3,995.49\t10\t96.79%\t9.68",
    "一般公共预算财政拨款\t\t3,667.49\t\t\t\t",
    "政府性基金预算拨款\t\t0.00\t\t\t\t",
    "财政专户管理的非税收入\t\t79.41\t\t\t\t",
    "其他收入\t\t381.12\t\t\t\t",
    "基本支出\t\t\t2,202.32\t\t\t",
    "项目支出\t\t\t1,793.17\t\t\t",
    "产出指标\t\t1.招商引资项目； 2.外经外贸规模； 3.内贸流通；\t≥8000\t8094万美元\t10\t10.00\t",
    "\t\t新设外资企业\t≥20\t24\t10\t10.00\t",
    "\t\t1. 引资项目优质化； 2. 外资水平不断提高； 3. 商贸流通“千百工程”\t全省平均水平\t完成\t10\t10.00\t",
    "\t\t在规定时间完成年度绩效目标\t年底前\t完成\t10\t10.00\t",
    "效益指标\t\t1.发展实体经济，优化产业结构 2.对外贸易持续增长； 3. 促进内贸流通繁荣；\t≥7.5\t9.5\t10\t10.00\t",
    "\t\t外贸发展上台阶\t进一步提升\t完成\t10\t10.00\t",
    "满意度指标\t\t服务对象满意度\t95%以上\t完成\t10\t10.00\t",
    "成本指标\t\t经济成本指标\t控制在预算内\t完成\t6\t6.00\t",
    "\t\t社会成本指标\t控制在预算内\t完成\t6\t6.00\t",
    "\t\t生态环境成本指标\t控制在预算内\t完成\t8\t8.00\t",
    # 总分: computed 110 / 109.68 (stated 100 / 100: the indicators already weigh 100)
    "总分\t110\t109.68\t",
    # 基础数据表: 控制率 53/56 (stated 94.00%)
    "56\t53\t94.64%",
    "“三公”经费\t11.37\t55.77\t5.76",
    "1.公务用车购置和维护经费\t8.97\t19.68\t4.95",
    "公车运行维护\t8.97\t19.68\t4.95",
    "2.出国经费\t\t13.12\t0.00",
    "3.公务接待\t2.40\t\t0.81",
    "项目支出\t\t\t1,793.17",
    "其中：现代服务业资金\t\t320.00\t320.00",
    "其中：招商引资资金\t\t115.00\t115.00",
    "其中：食品风险基金\t\t100.00\t100.00",
    "厉行节约保障措施\t厉行节约，严格按要求压减一般性支出",
]


def test_004_tables_print_every_figure_computed(r004):
    rows = [t for lv, t in r004 if lv == TABLE_ROW]
    missing = [r for r in TABLE_ROWS_004 if r not in rows]
    assert missing == []
    table_text = "\n".join(rows)
    for stated in ("96.00%", "9.60", "94.00%", "1.99%"):
        assert stated not in table_text


def test_004_text_uses_computed_figures(r004):
    text = "\n".join(t for lv, t in r004 if lv != TABLE_ROW)
    for sentence in [
        "年初预算数2,161.19万元，全年预算数4,128.02万元，全年执行数3,995.49万元，预算执行率96.79%，"
        "执行率得分9.68分（分值10分）。",
        "在职人员控制率94.64%（实际在职人数53人，编制数56人）。",
        "“三公”经费支出5.76万元，其中：因公出国（境）费0.00万元，公务用车运行维护费4.95万元，"
        "公务接待费0.81万元；较上年决算减少5.61万元，下降49.34%；本年预算55.77万元，"
        "“三公”经费控制率10.33%。",
        "2023年度支出合计3,995.49万元，其中：基本支出2,202.32万元，占55.12%；"
        "项目支出1,793.17万元，占44.88%。",
        "本单位2023年度国有资本经营预算支出19.20万元。",
        "部门整体支出绩效自评表分值合计110分（含预算执行率分值10分），自评得分109.68分，",
    ]:
        assert sentence in text, sentence
    assert "96.00%" not in text and "94.00%" not in text


def test_000_one_paragraph_per_indicator_with_weight_and_score(r000):
    from perfxl.scoring import score_model

    result = score_model(load_example("000", ROOT))
    body = [t for lv, t in r000 if lv == 4]
    items = [i for i in result.items if i.kind == "indicator"]
    assert len(items) >= 25
    for item in items:
        head = f"{item.indicator}（{fmt_score(item.weight)}分）"
        paras = [t for t in body if head in t]
        assert len(paras) == 1, head
        if item.applicable:
            assert paras[0].endswith(f"自评得分{fmt_score(item.score)}分。"), paras[0]
        else:
            assert paras[0].endswith("本项指标不适用，不计分。")
    assert f"部门整体支出绩效自评得分为{fmt_score(result.total)}分" in "\n".join(body)


def test_000_guangdong_sections(r000):
    assert [t for lv, t in r000 if lv == 1] == [
        "一、部门的基本情况", "二、自评结论", "三、绩效分析", "四、主要绩效", "五、存在问题",
        "六、相关建议"]
    assert [t for lv, t in r000 if lv == 2 and t.startswith("（") and "分）" in t] == [
        "（一）预算编制情况（28分）", "（二）预算执行情况（42分）", "（三）资金使用效益（30分）"]


def test_cli_on_the_004_workbook(tmp_path):
    """End to end: the example workbook read by the xlsx reader, written by perfxl report."""
    from click.testing import CliRunner
    from docx import Document

    from perfxl.cli import main
    from perfxl.report.render import document_lines

    book = sorted((ROOT / "examples").glob("004-*.xlsx"))
    if not book:
        pytest.skip("examples/004-*.xlsx not built")
    out = tmp_path / "004.docx"
    result = CliRunner().invoke(main, ["report", str(book[0]), "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    rows = [t for lv, t in document_lines(Document(str(out))) if lv == TABLE_ROW]
    assert "年度资金总额\t2,161.19\t4,128.02\t3,995.49\t10\t96.79%\t9.68" in rows
