"""The templates: built reproducibly, tags kept in single runs, GB/T 9704 page and styles, and —
rendered with fixture contexts — no leftover tag, no undeclared variable, an East Asian font on
every Chinese run, and the expected sentences in the text."""
from __future__ import annotations

import importlib.util
from pathlib import Path

import jinja2
import pytest
from docx import Document
from docxtpl import DocxTemplate

from perfxl.report import docstyle
from perfxl.report.context import build_context
from perfxl.report.outlines import OUTLINES, template_dir
from perfxl.report.render import document_lines, render_report
from tests.report.docx_checks import (StyleSheet, east_asia_of, leftover_tags, q, run_fonts,
                                      split_tags, text_parts)
from tests.report.fixtures import empty_model, guangdong_model, hunan_model

ROOT = Path(__file__).resolve().parents[2]

#: (id, outline, model factory, project)
CASES = [
    ("hunan", "hunan", hunan_model, None),
    ("hunan-empty", "hunan", empty_model, None),
    ("guangdong", "guangdong", guangdong_model, None),
    ("project", "project", hunan_model, "招商引资资金"),
]


def _build_module():
    spec = importlib.util.spec_from_file_location("build_templates",
                                                  ROOT / "perfxl" / "templates" / "build_templates.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture(scope="module")
def rendered(tmp_path_factory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("reports")
    return {cid: render_report(factory(), out / f"{cid}.docx", outline, project)
            for cid, outline, factory, project in CASES}


def _text(path: Path) -> str:
    return "\n".join(t for _lv, t in document_lines(Document(str(path))))


# ---- the templates themselves -------------------------------------------------------------
def test_committed_templates_are_what_the_builder_builds(tmp_path):
    """The .docx in perfxl/templates/ are reproducible: building twice gives the same bytes, and the
    same bytes as committed."""
    mod = _build_module()
    first = mod.build(tmp_path / "a")
    second = mod.build(tmp_path / "b")
    for a, b in zip(first, second):
        assert a.read_bytes() == b.read_bytes(), a.name
        assert (template_dir() / a.name).read_bytes() == a.read_bytes(), \
            f"perfxl/templates/{a.name} is stale: run python perfxl/templates/build_templates.py"
    assert sorted(p.name for p in first) == sorted(OUTLINES.values())


@pytest.mark.parametrize("name", sorted(OUTLINES.values()))
def test_every_tag_is_one_run(name):
    assert split_tags(template_dir() / name) == []


@pytest.mark.parametrize("name", sorted(OUTLINES.values()))
def test_every_style_names_an_east_asian_font(name):
    sheet = StyleSheet(template_dir() / name)
    defaults = sheet.root.find(f"{q('docDefaults')}/{q('rPrDefault')}/{q('rPr')}")
    assert east_asia_of(defaults) == docstyle.FONT_BODY
    missing = [sid for sid, st in sheet.by_id.items()
               if st.get(q("type")) in ("paragraph", "character", "table")
               and east_asia_of(st.find(q("rPr"))) in (None, "THEME")]
    assert missing == []
    for el in sheet.root.iter(q("rFonts")):
        assert not any(k.endswith("Theme") or k.endswith("theme") for k in el.attrib), el.attrib


@pytest.mark.parametrize("style, font, half_points", [
    ("Title", "方正小标宋简体", 44), ("Heading1", "黑体", 32), ("Heading2", "楷体_GB2312", 32),
    ("Normal", "仿宋_GB2312", 32),
])
def test_official_fonts_and_sizes(style, font, half_points):
    sheet = StyleSheet(template_dir() / "hunan_dept.docx")
    st = sheet.by_id[style]
    assert east_asia_of(st.find(q("rPr"))) == font
    assert st.find(f"{q('rPr')}/{q('sz')}").get(q("val")) == str(half_points)


def test_body_first_line_indent_two_characters():
    sheet = StyleSheet(template_dir() / "hunan_dept.docx")
    ind = sheet.by_id["Normal"].find(f"{q('pPr')}/{q('ind')}")
    assert ind.get(q("firstLineChars")) == "200"
    assert ind.get(q("firstLine")) == "640"  # 2 × 16 pt in twips


@pytest.mark.parametrize("name", sorted(OUTLINES.values()))
def test_page_is_a4_with_gbt9704_margins_and_page_numbers(name):
    doc = Document(str(template_dir() / name))
    s = doc.sections[0]
    mm = lambda emu: emu / 36000  # noqa: E731
    assert (round(mm(s.page_width)), round(mm(s.page_height))) == (210, 297)
    assert [round(mm(x)) for x in (s.top_margin, s.bottom_margin, s.left_margin,
                                   s.right_margin)] == [37, 35, 28, 26]
    footers = [n for n, root in text_parts(template_dir() / name).items() if "footer" in n
               and any("PAGE" in (t.text or "") for t in root.iter(q("instrText")))]
    assert len(footers) == 2  # odd and even pages


# ---- rendered with fixture contexts -------------------------------------------------------
@pytest.mark.parametrize("cid", [c[0] for c in CASES])
def test_no_leftover_tags(rendered, cid):
    assert leftover_tags(rendered[cid]) == []


@pytest.mark.parametrize("cid, outline, factory, project", CASES, ids=[c[0] for c in CASES])
def test_no_undeclared_variables(cid, outline, factory, project):
    context = build_context(factory(), outline, project=project)
    tpl = DocxTemplate(str(template_dir() / OUTLINES[outline]))
    env = jinja2.Environment(undefined=jinja2.StrictUndefined, autoescape=True)
    assert tpl.get_undeclared_template_variables(env, context) == set()


def test_a_template_naming_an_unknown_value_fails_loudly(tmp_path, monkeypatch):
    """StrictUndefined: a tag the context does not supply is an error, never a blank."""
    from perfxl.report.render import ReportTemplateError

    doc = Document(str(template_dir() / "hunan_dept.docx"))
    docstyle.add_paragraph(doc, "{{ no_such_value }}")
    (tmp_path / "tpl").mkdir()
    for name in OUTLINES.values():
        (tmp_path / "tpl" / name).write_bytes((template_dir() / name).read_bytes())
    doc.save(str(tmp_path / "tpl" / "hunan_dept.docx"))
    monkeypatch.setenv("PERFXL_TEMPLATE_DIR", str(tmp_path / "tpl"))
    with pytest.raises(ReportTemplateError, match="no_such_value"):
        render_report(hunan_model(), tmp_path / "out.docx", "hunan")


@pytest.mark.parametrize("cid", [c[0] for c in CASES])
def test_every_chinese_run_has_an_east_asian_font(rendered, cid):
    fonts = run_fonts(rendered[cid])
    assert fonts, "no Chinese text found"
    allowed = {docstyle.FONT_TITLE, docstyle.FONT_H1, docstyle.FONT_H2, docstyle.FONT_BODY,
               docstyle.FONT_PAGE}
    bad = [(t, f) for t, f, _s in fonts if f not in allowed]
    assert bad == []


@pytest.mark.parametrize("cid", ["hunan", "guangdong", "project"])
def test_runs_use_the_font_of_their_level(rendered, cid):
    expected = {"Title": docstyle.FONT_TITLE, "heading 1": docstyle.FONT_H1,
                "heading 2": docstyle.FONT_H2, "Normal": docstyle.FONT_BODY}
    seen = set()
    for text, font, style in run_fonts(rendered[cid]):
        if style in expected:
            assert font == expected[style], (text, style, font)
            seen.add(style)
    assert seen == set(expected)


HUNAN_SENTENCES = [
    "2023年度示例市商务局整体支出绩效自评报告",
    "2.负责招商引资 & 对外合作<协调>。",  # autoescape: & and < survive
    "2023年度全年预算收入合计4,128.02万元，其中：一般公共预算财政拨款收入3,667.49万元，占88.84%；"
    "政府性基金预算拨款收入0.00万元，占0%；财政专户管理的非税收入79.41万元，占1.92%；"
    "其他收入381.12万元，占9.23%。",
    "2023年度支出合计3,995.49万元，其中：基本支出2,202.32万元，占55.12%；"
    "项目支出1,793.17万元，占44.88%。",
    "2023年度基本支出2,202.32万元，占支出合计的55.12%，其中：工资福利支出924.72万元，占41.99%；"
    "商品和服务支出265.40万元，占12.05%；对个人和家庭的补助1,009.27万元，占45.83%；"
    "资本性支出2.94万元，占0.13%。",
    "“三公”经费支出5.76万元，其中：因公出国（境）费0.00万元，公务用车运行维护费4.95万元，"
    "公务接待费0.81万元；较上年决算减少5.61万元，下降49.34%；本年预算55.77万元，"
    "“三公”经费控制率10.33%。",
    "本单位无政府性基金预算支出。",
    "本单位2023年度国有资本经营预算支出19.20万元。",
    "本单位无社会保险基金预算支出。",
    "年初预算数2,161.19万元，全年预算数4,128.02万元，全年执行数3,995.49万元，"
    "预算执行率96.79%，执行率得分9.68分（分值10分）。",
    "在职人员控制率94.64%（实际在职人数53人，编制数56人）。",
    "财政供养人员编制数56人，实际在职人数53人，在职人员控制率94.64%。",
    "部门整体支出绩效自评表分值合计100分（含预算执行率分值10分），自评得分99.68分，"
    "评价等级为“优”。",
    "年度资金总额\t2,161.19\t4,128.02\t3,995.49\t10\t96.79%\t9.68",
    "总分\t100\t99.68\t",
    "56\t53\t94.64%",
    "“三公”经费\t11.37\t55.77\t5.76",
]
HUNAN_HEADINGS = ["一、部门基本情况", "二、一般公共预算支出情况", "三、政府性基金预算支出情况",
                  "四、国有资本经营预算支出情况", "五、社会保险基金预算支出情况",
                  "六、部门整体支出绩效情况", "七、存在的问题及原因分析", "八、下一步改进措施",
                  "九、部门整体支出绩效自评结果拟应用和公开情况", "十、其他需要说明的情况"]


def test_hunan_text(rendered):
    lines = document_lines(Document(str(rendered["hunan"])))
    text = "\n".join(t for _lv, t in lines)
    for sentence in HUNAN_SENTENCES:
        assert sentence in text, sentence
    assert [t for lv, t in lines if lv == 1 and t[0] in "一二三四五六七八九十"] == HUNAN_HEADINGS
    # stated figures that disagree with the computed ones never reach the report
    for stated in ("96.00%", "9.60", "94.00%", "0.11万元"):
        assert stated not in text


def test_hunan_missing_inputs_say_so(rendered):
    lines = document_lines(Document(str(rendered["hunan-empty"])))
    heads = [i for i, (lv, t) in enumerate(lines) if lv in (1, 2)]
    after = {lines[i][1]: lines[i + 1][1] for i in heads if i + 1 < len(lines)}
    for heading in ("（一）职能职责", "（二）机构设置", "七、存在的问题及原因分析",
                    "八、下一步改进措施", "九、部门整体支出绩效自评结果拟应用和公开情况"):
        assert after[heading] == "（未填写）", heading
    text = "\n".join(t for _lv, t in lines)
    assert "年初预算数（未填写），全年预算数（未填写），全年执行数（未填写）" in text
    assert "2023年度收入合计（未填写）。" in text


GUANGDONG_SENTENCES = [
    "部门名称：示例市商务局", "填报日期：2023年1月30日",
    "2022年度收入合计17,333,259.20元，其中：一般公共预算财政拨款收入17,333,145.09元，占100%；"
    "其他收入114.11元，占0%。",
    "2022年度支出合计17,333,259.20元，较上年决算增加10,527,598.73元，增长154.69%。",
    "社会保障和就业支出758,799.44元，占4.38%，较上年决算减少171,152.91元，下降18.40%。",
    "财政供养人员编制数21人，实际在职人数19人，在职人员控制率90.48%。",
    "（一）预算编制情况（28分）",
    "1. 预算编制。指标分值18分。",
    # the typed 「自评得分 3 分。」 is replaced by the computed score
    "（2）预算编制规划性（4分）。预算编制和执行还缺乏准确性。自评得分3分。",
    "（1）资金下达合法性（3分）。本项指标不考核。本项指标不适用，不计分。",
    "2. 人员管理（23分）。财政供给实有人员占编制的 90.48%，自评得分23分。",
    "加减分项：省级表彰，每项1分，最多3分，共2次，得分2分。获省级表彰2次。",
]


def test_guangdong_text(rendered):
    lines = document_lines(Document(str(rendered["guangdong"])))
    text = "\n".join(t for _lv, t in lines)
    for sentence in GUANGDONG_SENTENCES:
        assert sentence in text, sentence
    assert [t for lv, t in lines if lv == 1] == [
        "一、部门的基本情况", "二、自评结论", "三、绩效分析", "四、主要绩效", "五、存在问题",
        "六、相关建议"]
    for row in guangdong_model().rows("system_indicators"):
        name = row.level3 or row.level2
        paras = [t for lv, t in lines if lv == 4 and f"{name}（" in t]
        assert len(paras) == 1, name
        assert f"（{row.weight}分）" in paras[0]
        if row.applicable != "否":
            assert "自评得分" in paras[0]


def test_project_text(rendered):
    text = _text(rendered["project"])
    for sentence in [
        "2023年度招商引资资金项目支出绩效自评报告",
        "2023年度项目资金年初预算数115.00万元，全年预算数115.00万元，全年执行数92.00万元，"
        "预算执行率80.00%；全年执行数中，当年财政拨款92.00万元。",
        "经自评，本项目分值合计100分，自评得分88分，评价等级为“良”；"
        "其中预算执行率得分8分（分值10分）。",
        "1. 数量指标：参展企业数。年度指标值：≥20家；实际完成值：16家；分值50分，得分40分。"
        "偏差原因分析及改进措施：受疫情影响参展企业减少；下一年度提前组织。",
        "年度资金总额\t115.00\t115.00\t92.00\t10\t80.00%\t8.00",
        "总分\t100\t88.00\t",
    ]:
        assert sentence in text, sentence
    assert "现代服务业资金" not in text  # only the project asked for


@pytest.mark.parametrize("outline", sorted(OUTLINES))
def test_every_context_key_of_a_template_is_documented(outline):
    """docs/report.md lists every value name a template uses (finance offices edit them)."""
    doc = (ROOT / "docs" / "report.md").read_text(encoding="utf-8")
    names = DocxTemplate(str(template_dir() / OUTLINES[outline])) \
        .get_undeclared_template_variables(jinja2.Environment())
    assert sorted(n for n in names if f"`{n}`" not in doc) == []
