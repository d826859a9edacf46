"""Build the report templates in this folder, reproducibly, with python-docx.

    python perfxl/templates/build_templates.py [OUT_DIR]

Writes ``hunan_dept.docx``, ``guangdong_dept.docx`` and ``project.docx`` (to this folder by
default).  The same sources always give the same bytes (fixed document properties, fixed zip
entry times), so a test can prove the committed templates are what this script builds.

Each template is a Word document a finance officer can open and edit in Word or WPS: the fixed
headings are plain text; what the workbook supplies is a Jinja tag (docxtpl), each tag kept in
ONE run so Word's run splitting cannot break it.  ``{%p ...%}`` tags repeat a paragraph,
``{%tr ...%}`` tags a table row.  The context keys are documented in docs/report.md and built by
``perfxl.report.context``.  Page and styles: ``perfxl.report.docstyle`` (GB/T 9704-2012).
"""
from __future__ import annotations

import datetime as dt
import io
import sys
import zipfile
from pathlib import Path
from typing import List, Union

from docx import Document
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm

from perfxl.report.docstyle import (TEXT_WIDTH_MM, add_page_numbers, add_paragraph, add_run,
                                    setup_document)

HERE = Path(__file__).resolve().parent
FIXED_TIME = dt.datetime(2024, 1, 1, 0, 0, 0)
ZIP_TIME = (2024, 1, 1, 0, 0, 0)

#: A cell's content: one paragraph text, or several paragraph texts (a loop inside the cell).
Cell = Union[str, List[str]]


class Builder:
    """A template under construction: paragraphs, loops and tables, each tag one run."""

    def __init__(self, title: str) -> None:
        self.doc = Document()
        setup_document(self.doc)
        add_page_numbers(self.doc)
        props = self.doc.core_properties
        props.title, props.author, props.last_modified_by = title, "perfxl", "perfxl"
        props.created = props.modified = FIXED_TIME
        props.revision = 1
        props.comments = "perfxl 自评报告模板：花括号标记为数据占位符，请勿拆分或删除。"

    # paragraphs ------------------------------------------------------------------------------
    def p(self, text: str = "", style: str = "Normal") -> None:
        self._page(add_paragraph(self.doc, text, style), text)

    def parts(self, *texts: str, style: str = "Normal") -> None:
        """One paragraph of several runs (literal text and tags alternate, one run each)."""
        par = self.doc.add_paragraph(style=style)
        for t in texts:
            add_run(par, t)
        self._page(par, texts[0] if texts else "")

    def _page(self, par, text: str) -> None:
        """Open a new page with ``par`` when a page break was asked for (a block tag's
        paragraph is removed when rendered: the next one opens the page)."""
        if getattr(self, "_break_next", False) and not text.startswith("{%"):
            par.paragraph_format.page_break_before = True
            self._break_next = False

    def title(self) -> None:
        """The title, one paragraph per line (a long title breaks before the report's name),
        then one empty line (GB/T 9704: 标题 … 空一行 … 正文)."""
        self.each("title_lines", "Title", var="t")
        self.p("")

    def h1(self, text: str) -> None:
        self.p(text, "Heading 1")

    def h2(self, text: str) -> None:
        self.p(text, "Heading 2")

    def each(self, seq: str, style: str = "Normal", var: str = "x") -> None:
        """One paragraph per item of list ``seq``."""
        self.p(f"{{%p for {var} in {seq} %}}")
        self.p(f"{{{{ {var} }}}}", style)
        self.p("{%p endfor %}")

    def tag(self, text: str) -> None:
        """A paragraph holding only a block tag (removed when rendered)."""
        self.p(text)

    def page_break(self) -> None:
        """The next paragraph opens a new page (``w:pageBreakBefore``, not a paragraph holding a
        break: when the text above fills its page exactly, that paragraph would fall on the
        next page and leave it blank)."""
        self._break_next = True

    # tables ----------------------------------------------------------------------------------
    def table(self, widths: list[float], header: list[str] | None = None,
              loop: str | None = None, cells: list[Cell] | None = None,
              left: tuple[int, ...] = (), rows: list[list[tuple[Cell, int]]] | None = None):
        """A bordered table: ``header`` row (repeated on each page), then a row repeated for
        ``loop`` ("r in seq") with ``cells``, then static ``rows`` of (cell, span).  Columns in
        ``left`` use the left-aligned 表格正文 style; the others are centred."""
        ncols = len(widths)
        body = self.doc.element.body
        if len(body) > 1 and body[-2].tag == qn("w:tbl"):
            # two tables in a row merge into one in Word and LibreOffice: keep a small gap
            add_paragraph(self.doc, "", "表格文字")
        table = self.doc.add_table(rows=0, cols=ncols)
        table.style = self.doc.styles["Table Grid"]
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        table.autofit = False
        for i, w in enumerate(widths):
            table.columns[i].width = Mm(w)

        def fill(cell, content: Cell, style: str) -> None:
            texts = [content] if isinstance(content, str) else content
            first = cell.paragraphs[0]
            first.style = self.doc.styles[style]
            if texts and texts[0]:
                add_run(first, texts[0])
            for t in texts[1:]:
                add_paragraph(cell, t, style)

        def new_row(contents: list[tuple[Cell, int]], style_of) -> None:
            row = table.add_row()
            col = 0
            for content, span in contents:
                cell = row.cells[col]
                if span > 1:
                    cell = cell.merge(row.cells[col + span - 1])
                fill(cell, content, style_of(col, content))
                col += span
            for i, c in enumerate(row.cells):
                c.width = Mm(widths[i])
                c.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER

        def body_style(col: int, content: Cell) -> str:
            if isinstance(content, str) and content and "{" not in content:
                return "表格表头"  # a fixed label
            return "表格正文" if col in left or isinstance(content, list) else "表格文字"

        if header:
            new_row([(h, 1) for h in header], lambda c, x: "表格表头")
            trpr = table.rows[0]._tr.get_or_add_trPr()
            trpr.append(OxmlElement("w:tblHeader"))
        if loop:
            new_row([(f"{{%tr for {loop} %}}", 1)] + [("", 1)] * (ncols - 1), body_style)
            new_row([(c, 1) for c in cells or []], body_style)
            new_row([("{%tr endfor %}", 1)] + [("", 1)] * (ncols - 1), body_style)
        for r in rows or []:
            new_row(r, body_style)
        return table

    def save(self, path: Path) -> Path:
        """Save with fixed zip entry times (byte-for-byte reproducible)."""
        buf = io.BytesIO()
        self.doc.save(buf)
        src = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
            for info in src.infolist():
                zi = zipfile.ZipInfo(info.filename, ZIP_TIME)
                zi.compress_type = zipfile.ZIP_DEFLATED
                zi.external_attr = 0o644 << 16
                dst.writestr(zi, src.read(info.filename))
        path.write_bytes(out.getvalue())
        return path


# ---------------------------------------------------------------------------------------------
# Shared pieces
# ---------------------------------------------------------------------------------------------
W = TEXT_WIDTH_MM
FUNDS_HEAD = ["项目", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"]
FUNDS_W = [36, 24, 24, 24, 12, 18, 18]
IND_HEAD = ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分",
            "偏差原因分析及改进措施"]
IND_W = [14, 14, 31, 20, 20, 12, 17, 28]


def funds_table(b: Builder, seq: str) -> None:
    b.table(FUNDS_W, FUNDS_HEAD, f"r in {seq}",
            ["{{ r.label }}", "{{ r.initial }}", "{{ r.full }}", "{{ r.executed }}",
             "{{ r.weight }}", "{{ r.rate }}", "{{ r.score }}"], left=(0,))


def goals_table(b: Builder, obj: str) -> None:
    b.table([W / 2, W / 2], ["年度总体目标（预期目标）", "实际完成情况"], rows=[[
        ([f"{{%p for l in {obj}.goal_expected %}}", "{{ l }}", "{%p endfor %}"], 1),
        ([f"{{%p for l in {obj}.goal_actual %}}", "{{ l }}", "{%p endfor %}"], 1)]])


def indicator_table(b: Builder, obj: str) -> None:
    b.table(IND_W, IND_HEAD, f"r in {obj}.indicators",
            ["{{ r.level1 }}", "{{ r.level2 }}", "{{ r.level3 }}", "{{ r.target }}",
             "{{ r.actual }}", "{{ r.weight }}", "{{ r.score }}", "{{ r.deviation }}"],
            left=(2, 3, 4, 7),
            rows=[[(f"{{{{ {obj}.total_label }}}}", 5), (f"{{{{ {obj}.weight_total }}}}", 1),
                   (f"{{{{ {obj}.score_total }}}}", 1), ("", 1)]])


def findings_appendix(b: Builder) -> None:
    """The 校验 findings, only when asked for (``perfxl report --appendix``), on a page of their
    own after the report, so the report itself ends where it should."""
    b.tag("{%p if findings %}")
    b.page_break()
    b.h1("附：数据校验提示（请核对后删除本部分）")
    b.each("findings", var="f")
    b.tag("{%p endif %}")


def signature(b: Builder) -> None:
    b.p("")
    b.p("{{ department }}", "落款")
    b.p("{{ fill_date }}", "落款")


# ---------------------------------------------------------------------------------------------
# The outlines
# ---------------------------------------------------------------------------------------------
def hunan() -> Builder:
    """湖南 部门整体支出绩效自评报告: ten sections, then 自评表 and 基础数据表 (seed 004)."""
    b = Builder("部门整体支出绩效自评报告（湖南）")
    b.title()
    b.p("{{ intro }}")
    b.h1("一、部门基本情况")
    b.h2("（一）职能职责")
    b.each("duties")
    b.h2("（二）机构设置")
    b.each("organization")
    b.each("subordinate_units")
    b.h2("（三）人员情况")
    b.each("staffing")
    b.h1("二、一般公共预算支出情况")
    b.p("{{ income }}")
    b.p("{{ expenditure }}")
    b.h2("（一）基本支出情况")
    b.p("基本支出主要是保障机构正常运转、完成日常工作任务而发生的各项支出，包括人员经费和公用经费。")
    b.p("{{ basic }}")
    b.p("{{ three_public }}")
    b.h2("（二）项目支出情况")
    b.each("project_spending")
    b.h1("三、政府性基金预算支出情况")
    b.p("{{ gov_fund }}")
    b.h1("四、国有资本经营预算支出情况")
    b.p("{{ state_capital }}")
    b.h1("五、社会保险基金预算支出情况")
    b.p("{{ social_insurance }}")
    b.each("special_note")
    b.h1("六、部门整体支出绩效情况")
    b.each("performance")
    b.h2("（一）预算执行情况")
    b.p("{{ execution }}")
    b.h2("（二）预算配置与控制情况")
    b.each("control")
    b.h2("（三）绩效目标完成情况")
    b.each("goal_actual")
    b.each("indicator_summary")
    b.h2("（四）自评得分情况")
    b.p("{{ score_sentence }}")
    b.h1("七、存在的问题及原因分析")
    b.each("problems")
    b.h1("八、下一步改进措施")
    b.each("improvements")
    b.h1("九、部门整体支出绩效自评结果拟应用和公开情况")
    b.each("result_application")
    b.h1("十、其他需要说明的情况")
    b.each("other_notes")
    signature(b)
    b.page_break()
    b.p("附表1", "表注")
    b.p("部门整体支出绩效自评表", "表题")
    b.parts("预算部门名称：", "{{ department }}", "　　金额单位：", "{{ unit }}", style="表注")
    funds_table(b, "dept_table.funds")
    goals_table(b, "dept_table")
    indicator_table(b, "dept_table")
    b.page_break()
    b.p("附表2", "表注")
    b.parts("{{ year }}", "年度部门整体支出绩效评价基础数据表", style="表题")
    b.parts("金额单位：", "{{ unit }}", style="表注")
    b.table([W / 3] * 3, ["编制数", "实际在职人数", "在职人员控制率"], rows=[[
        ("{{ base_table.staff.authorized }}", 1), ("{{ base_table.staff.in_service }}", 1),
        ("{{ base_table.staff.rate }}", 1)]])
    b.table([60, 32, 32, 32], ["经费控制情况", "上年决算数", "本年预算数", "本年决算数"],
            "r in base_table.control",
            ["{{ r.label }}", "{{ r.prior }}", "{{ r.budget }}", "{{ r.final }}"], left=(0,),
            rows=[[("厉行节约保障措施", 1),
                   (["{%p for l in base_table.thrift %}", "{{ l }}", "{%p endfor %}"], 3)]])
    findings_appendix(b)
    return b


def guangdong() -> Builder:
    """广东 部门整体支出绩效自评报告 一…六, a paragraph per indicator (seed 000)."""
    b = Builder("部门整体支出绩效自评报告（广东）")
    b.title()
    for label, key in (("部门名称：", "department"), ("单位负责人：", "unit_head"),
                       ("填报人：", "preparer"), ("联系电话：", "phone"),
                       ("填报日期：", "fill_date")):
        b.parts(label, f"{{{{ {key} }}}}")
    b.page_break()
    b.h1("一、部门的基本情况")
    b.h2("（一）部门整体概况")
    b.p("1. 部门主要职责。", "Heading 3")
    b.each("duties")
    b.p("2. 机构设置及纳入预算编制范围的下属单位。", "Heading 3")
    b.each("organization")
    b.each("subordinate_units")
    b.p("3. 部门人员编制构成。", "Heading 3")
    b.each("staffing")
    b.h2("（二）部门整体收支情况")
    b.p("1. 部门整体收入。", "Heading 3")
    b.p("{{ income }}")
    b.p("2. 部门整体支出情况。", "Heading 3")
    b.p("{{ expenditure }}")
    b.each("functions")
    b.h2("（三）部门整体支出目标及任务")
    b.each("overall_goal")
    b.each("annual_tasks")
    b.h1("二、自评结论")
    b.p("{{ conclusion_sentence }}")
    b.each("conclusion")
    b.h1("三、绩效分析")
    b.p("为使各项指标的得分情况更清晰，针对涉及的评价指标逐一进行分析。")
    b.tag("{%p for g in analysis %}")
    b.p("{{ g.heading }}", "Heading 2")
    b.tag("{%p for s in g.sections %}")
    b.tag("{%p if s.heading %}")
    b.p("{{ s.heading }}")
    b.tag("{%p endif %}")
    b.each("s.paras")
    b.tag("{%p endfor %}")
    b.tag("{%p endfor %}")
    b.each("analysis_missing")
    b.each("bonus")
    b.p("{{ analysis_total }}")
    b.h1("四、主要绩效")
    b.each("achievements")
    b.h1("五、存在问题")
    b.each("problems")
    b.h1("六、相关建议")
    b.each("improvements")
    findings_appendix(b)
    return b


def project() -> Builder:
    """项目支出绩效自评报告 (财预〔2020〕10号 参考提纲) with its 项目支出绩效自评表."""
    b = Builder("项目支出绩效自评报告")
    b.title()
    b.h1("一、基本情况")
    b.h2("（一）项目概况")
    b.each("project.overview")
    b.h2("（二）项目绩效目标")
    b.each("project.goal")
    b.h1("二、绩效评价工作开展情况")
    b.p("本单位按照《项目支出绩效评价管理办法》（财预〔2020〕10号）的要求，对照年初设定的项目"
        "绩效目标，逐项填报年度实际完成值，对预算执行率和各项绩效指标评分，形成项目支出绩效自评表"
        "（见附表）。")
    b.h1("三、综合评价情况及评价结论")
    b.p("{{ project.conclusion }}")
    b.each("project.goal_actual")
    b.h1("四、绩效评价指标分析")
    b.tag("{%p for g in project.analysis %}")
    b.p("{{ g.heading }}", "Heading 2")
    b.each("g.paras")
    b.tag("{%p endfor %}")
    b.each("project.analysis_missing")
    b.h1("五、主要经验及做法、存在的问题及原因分析")
    b.each("project.problems")
    b.h1("六、有关建议")
    b.each("project.suggestions")
    b.h1("七、其他需要说明的问题")
    b.each("project.other_notes")
    signature(b)
    b.page_break()
    b.p("附表", "表注")
    b.p("项目支出绩效自评表", "表题")
    b.parts("（", "{{ year }}", "年度）　　金额单位：", "{{ unit }}", style="表注")
    b.table([24, 54, 24, 54], rows=[
        [("项目名称", 1), ("{{ project.table.name }}", 3)],
        [("主管部门", 1), ("{{ project.table.supervisor }}", 1), ("实施单位", 1),
         ("{{ project.table.implementer }}", 1)]])
    funds_table(b, "project.table.funds")
    goals_table(b, "project.table")
    indicator_table(b, "project.table")
    findings_appendix(b)
    return b


BUILDERS = {"hunan_dept.docx": hunan, "guangdong_dept.docx": guangdong, "project.docx": project}


def build(out_dir: Path = HERE) -> list[Path]:
    """Build every template into ``out_dir``; returns the paths written."""
    out_dir.mkdir(parents=True, exist_ok=True)
    return [fn().save(out_dir / name) for name, fn in BUILDERS.items()]


if __name__ == "__main__":
    for path in build(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE):
        print(path)
