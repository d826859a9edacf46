"""A 自评表 run together into one line (issue 20, class 2; PX644).  Drafts of our own wording:
the first-level weights read by their labels and the 预算执行率 weight make the 总分."""
from perfxl.draft import check_text

FUNDS = ("项目资金(万元)全年预算数(A)全年执行数(B)分值执行率(B/A)得分年度资金总额:8080{w}100.00%{s}"
         "其中:当年财政拨款8080")
BODY = ("绩效指标一级指标二级指标三级指标分值年度指标值全年实际值得分产出指标({p}分)数量指标新建机耕道2公里"
        "{p}≥2公里2.1公里{p}效益指标({e}分)社会效益指标农户生产条件改善{e}有效改善有效改善{e}"
        "满意度指标(10分)服务对象满意度指标(10分)受益农户满意度10≥90%96%10总分{t}")


def px644(text):
    return [(f.line, f.expected, f.actual) for f in check_text(text) if f.rule == "PX644"]


def test_weights_over_the_total_fire():
    line = FUNDS.format(w=10, s=10) + BODY.format(p=60, e=30, t="10098")
    assert px644(line + "\n") == [(1, 110.0, 100.0)]


def test_weights_that_make_the_total_are_quiet():
    line = FUNDS.format(w=10, s=10) + BODY.format(p=50, e=30, t="10098")
    assert px644(line + "\n") == []


def test_a_second_level_satisfaction_weight_is_not_counted_again():
    # 服务对象满意度指标(10分) is the 二级 under 满意度指标(10分): counted once, the sum is 100
    line = FUNDS.format(w=10, s=10) + BODY.format(p=50, e=30, t="10098")
    assert "服务对象满意度指标(10分)" in line and px644(line) == []


def test_a_labelled_execution_weight_is_exact_both_ways():
    text = ("一级指标 二级指标 三级指标 分值 得分 预算执行率(10分) 产出指标(50分) 效益指标(20分) "
            "满意度指标(10分) 总分 100 95")
    assert px644(text) == [(1, 90.0, 100.0)]
    assert px644(text.replace("效益指标(20分)", "效益指标(30分)")) == []


def test_a_cost_indicator_with_a_weight_leaves_the_levels_unclear():
    line = FUNDS.format(w=10, s=10) + BODY.format(p=60, e=30, t="10098") + "成本指标(10分)"
    assert px644(line) == []


def test_a_total_whose_digits_cut_two_ways_is_not_read():
    line = FUNDS.format(w=10, s=10) + BODY.format(p=60, e=30, t="100")
    assert px644(line) == []


def test_the_execution_score_is_read_only_under_its_header_order():
    # 执行率 before 分值: the digits after the rate are 分值 and 得分 run together
    line = (FUNDS.format(w=10, s=10).replace("分值执行率(B/A)得分", "执行率(B/A)分值得分")
            + BODY.format(p=60, e=30, t="10098"))
    assert px644(line) == []


def test_prose_that_names_the_indicators_is_no_form():
    text = ("本项目自评总分 78 分。其中产出指标(50分)得 40 分，效益指标(30分)得 28 分，满意度指标(10分)"
            "得 10 分，总分78。\n")
    assert px644(text) == []
