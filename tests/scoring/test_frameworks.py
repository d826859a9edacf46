"""Every framework file loads, its weights add up, and every rule names its source."""
from __future__ import annotations

import math
from pathlib import Path

import pytest

from perfxl import derived
from perfxl.errors import FrameworkError
from perfxl.frameworks import FRAMEWORK_DIR, available, load, load_file, resolve_id
from perfxl.scoring.system import BASIS_MEASURES

ALL = available()


def _close(a: float, b: float) -> bool:
    return math.isclose(a, b, abs_tol=1e-9)


def test_bundled_frameworks_are_the_ones_of_the_seeds():
    assert {"central_project", "central_project_cost", "hunan_dept", "guangdong_dept_100",
            "common_53", "hunan_53_tiers", "hubei_project_2020"} <= set(ALL)


@pytest.mark.parametrize("fid", ALL)
def test_framework_loads_and_names_its_source(fid):
    fw = load(fid)
    assert fw.id == fid == Path(fw.path).stem
    assert fw.name and fw.source
    for it in fw.items:
        assert it.source, f"{fid}: item {it.name} has no source"
        if it.rule.kind != "stated":
            assert it.rule.source, f"{fid}: rule of {it.name} has no source"


@pytest.mark.parametrize("fid", ALL)
def test_framework_weights_add_up(fid):
    """domain.md §5 check 3: Σ 一级 = 100 incl. 预算执行率; Σ 三级 = 二级; Σ 二级 = 一级."""
    fw = load(fid)
    ex = fw.execution.weight if fw.execution else 0.0
    if fw.kind == "reference":
        assert all(it.weight is None for it in fw.items)  # 53号 gives no weights [R]
        return
    if fw.indicator_total is not None:
        assert _close(ex + fw.indicator_total, fw.total)
    level1 = fw.level1
    if level1 and all(lv.weight is not None for lv in level1):
        s = ex + sum(lv.weight for lv in level1)
        assert _close(s, fw.total) if fw.complete else s <= fw.total + 1e-9
    for lv in level1:
        kids = fw.level2_of(lv.name)
        if lv.weight is not None and kids and all(k.weight is not None for k in kids):
            s = sum(k.weight for k in kids)
            assert _close(s, lv.weight) if lv.complete else s <= lv.weight + 1e-9, lv.name
    for lv in fw.levels:
        if lv.parent is None or lv.weight is None:
            continue
        items = [it for it in fw.items if it.level1 == lv.parent and it.level2 == lv.name]
        if items:
            s = sum(it.weight for it in items)
            assert _close(s, lv.weight) if lv.complete else s <= lv.weight + 1e-9, lv.name
    if fw.kind == "system":
        s = sum(it.weight for it in fw.items)
        assert _close(s, fw.total) if fw.complete else s < fw.total


@pytest.mark.parametrize("fid", ALL)
def test_framework_items_sit_in_its_tree_and_cite_known_measures(fid):
    fw = load(fid)
    names = {(lv.parent, lv.name) for lv in fw.levels}
    for it in fw.items:
        if fw.levels:
            assert (it.level1, it.level2) in names, it.name
        for m in filter(None, (it.measure, it.rule.measure)):
            assert m in derived.MEASURES or m in BASIS_MEASURES, m
        for t in it.rule.tiers:
            if isinstance(t.value, str):
                assert t.value in derived.MEASURES


def test_central_project_default_weights():
    """财预〔2020〕10号 as printed in S4 note 1: 预算执行率10/产出50/效益30/满意度10 (domain.md §1.3)."""
    fw = load("central_project")
    assert fw.execution.weight == 10
    assert {lv.name: lv.weight for lv in fw.level1} == {"产出指标": 50, "效益指标": 30,
                                                        "满意度指标": 10}
    assert fw.weights_overridable and fw.not_applicable == "rescale"
    assert fw.bands.achieved == (0.8, 1.0) and fw.bands.partial == (0.6, 0.8)


def test_central_project_cost_weights_are_marked_unconfirmed():
    """domain.md §1.7: the weights of the 成本指标 variant were NOT found [X]."""
    fw = load("central_project_cost")
    assert not fw.confirmed
    assert all(not lv.confirmed for lv in fw.level1)
    assert "成本指标" in {lv.name for lv in fw.level1}


def test_hubei_variant_bands_80_50():
    """domain.md §1.6, S6: 达成/部分达成/未达成 → 100–80%, 80–50%, 50–0%; 执行率 20 分."""
    fw = load("hubei_project_2020")
    assert (fw.bands.achieved, fw.bands.partial, fw.bands.not_achieved) == \
        ((0.8, 1.0), (0.5, 0.8), (0.0, 0.5))
    assert fw.execution.weight == 20


def test_hunan_dept_shape_of_seed_004():
    """seed 004 L134–L140: 年度资金总额 分值 10; indicators share the other 90."""
    fw = load("hunan_dept")
    assert fw.kind == "department" and fw.execution.weight == 10 and fw.indicator_total == 90
    assert fw.project_framework == "central_project"


def test_guangdong_weights_as_seed_000_states_them():
    """seed 000 L118–L276: 28/42/30; 预算编制18 目标设置10; 资金管理22 项目管理7 资产管理7 人员2 制度4;
    经济性6 效率性9 效果性10 公平性5."""
    fw = load("guangdong_dept_100")
    assert {lv.name: lv.weight for lv in fw.level1} == {"预算编制情况": 28, "预算执行情况": 42,
                                                        "资金使用效益": 30}
    l2 = {lv.name: lv.weight for lv in fw.levels if lv.parent}
    assert l2 == {"预算编制": 18, "目标设置": 10, "资金管理": 22, "项目管理": 7, "资产管理": 7,
                  "人员管理": 2, "制度管理": 4, "经济性": 6, "效率性": 9, "效果性": 10,
                  "公平性": 5}
    assert fw.item("政府采购执行率").weight == 2
    assert fw.item("固定资产利用率").weight == 3


def test_guangdong_rules_from_seed_000():
    """L228 预算调整率 > 10% → 0; L180 资金下达合法性 → 部门预算资金支出率; L276 bonus 1×≤3, 0.5×≤2, ≤5."""
    fw = load("guangdong_dept_100")
    adj = fw.item("预算调整率")
    assert adj.rule.kind == "tiers" and adj.rule.tiers[0].op == ">" and \
        adj.rule.tiers[0].value == 0.10 and adj.rule.tiers[0].score == 0
    assert not adj.confirmed  # sub-weight 2 inferred: the seed states only 经济性 6
    assert fw.item("资金下达合法性").move_to == "部门预算资金支出率"
    assert fw.not_applicable == "move"
    assert {(b.name, b.points_each, b.cap) for b in fw.bonus.items} == \
        {("省韶表彰", 1, 3), ("本市表彰", 0.5, 2)}
    assert fw.bonus.total_cap == 5
    assert not fw.item("政府采购执行率").rule.confirmed  # no scoring standard in the seed


def test_hunan_53_tiers_is_marked_incomplete():
    """domain.md §3.1 [S13]: rows after 预算管理 cut off; 投入 15 and 预算执行 15 complete."""
    fw = load("hunan_53_tiers")
    assert not fw.complete
    assert sum(it.weight for it in fw.items if it.level1 == "投入") == 15
    assert sum(it.weight for it in fw.items if it.level2 == "预算执行") == 15


def test_load_by_id_name_or_dropdown_text():
    fw = load("hunan_dept")
    assert load(fw.name) is fw or load(fw.name).id == "hunan_dept"
    assert resolve_id(f"hunan_dept {fw.name}") == "hunan_dept"
    assert resolve_id("nonsense") is None and resolve_id(None) is None


def test_unknown_framework_is_a_framework_error():
    with pytest.raises(FrameworkError, match="未知的评价框架"):
        load("no_such_framework")


@pytest.mark.parametrize("body,message", [
    ('name = "x"\nkind = "project"\n', "缺少 id"),
    ('id = "bad"\nkind = "planet"\n', "kind"),
    ('id = "bad"\nkind = "project"\n', "execution"),
    ('id = "bad"\nkind = "system"\n[[items]]\nname = "a"\nweight = 1\nrule = "tiers"\n', "measure"),
    ('id = "bad"\nkind = "system"\n[[items]]\nname = "a"\nweight = 1\nmove_to = "b"\n', "move_to"),
    ('id = "bad"\nkind = "system"\n[[items]]\nname = "a"\nweight = "五"\n', "数字"),
    ('id = "bad"\nkind = "project"\n[execution]\nweight = 10\n[qualitative]\n'
     'achieved = [0.9, 0.8]\npartial = [0.6, 0.8]\nnot_achieved = [0, 0.6]\n', "下限"),
    ('id = "other"\nkind = "reference"\n', "文件名"),
    ('id = "bad"\nkind = [\n', "TOML"),
])
def test_invalid_framework_files_are_refused(tmp_path, body, message):
    p = tmp_path / "bad.toml"
    p.write_text(body, encoding="utf-8")
    with pytest.raises(FrameworkError, match=message):
        load_file(p)


def test_framework_dir_holds_only_valid_files():
    for p in FRAMEWORK_DIR.glob("*.toml"):
        load_file(p)
