"""perfxl in xlwings Lite (Excel on Windows, macOS and the web; no Python installed on the PC).

Paste this file into xlwings Lite's main.py tab and requirements.txt into its requirements.txt
tab.  The three scripts call the same handlers as the ribbon of the desktop add-in
(``perfxl.api``), on the open workbook:

* 校验: every check; writes the 校验结果 sheet and colours each cell with a finding;
* 评分: computed scores, total and grade into the 评分 sheet and the 得分（计算） cells;
* 清除标记: restores the colours perfxl applied and deletes 校验结果.

Each prints its Chinese summary in xlwings Lite's output pane; a workbook perfxl cannot read
gets a Chinese message there, never a traceback.
"""
import xlwings as xw
from xlwings import script

from perfxl import api
from perfxl.addin import marks
from perfxl.errors import PerfxlError


def _say(action, call, book):
    try:
        result = call(book)
    except PerfxlError as exc:
        result = f"{action}未完成：{exc}"
    print(result)
    return result


@script
def 校验(book: xw.Book):
    """校验：全部校验规则，结果写入「校验结果」工作表，并标出有问题的单元格。"""
    return _say("校验", api.check_book, book)


@script
def 评分(book: xw.Book):
    """评分：计算得分、总分与等级，写入「评分」工作表和「得分（计算）」列。"""
    return _say("评分", api.score_book, book)


@script
def 清除标记(book: xw.Book):
    """清除标记：恢复 perfxl 标出的单元格颜色，删除「校验结果」工作表。"""
    return _say("清除标记", lambda b: f"已清除 {marks.clear_marks(b)} 处标记", book)
