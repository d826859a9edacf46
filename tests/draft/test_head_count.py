"""Issue 20: 实有人数 against the kinds of people listed after its 其中 (PX639), own wording."""
from perfxl.draft import check_text


def px639(text):
    return [(f.line, f.level, f.message) for f in check_text("2021年单位决算说明\n" + text)
            if f.rule == "PX639"]


def test_a_count_one_above_its_three_kinds_fires():
    got = px639("年末实有人数 31 人,其中在职人员 24 人,离休人员 2 人,退休人员 4 人;其他人员 0 人。\n")
    assert len(got) == 1 and got[0][:2] == (2, "error")
    assert "之和 30 人" in got[0][2] and "实有人数 31 人" in got[0][2]


def test_a_count_against_serving_and_retired_together_fires():
    got = px639("本单位实有人员 9 人,其中:在职 5 人、离退休 2 人。\n")
    assert [g[:2] for g in got] == [(2, "error")]


def test_a_count_equal_to_its_kinds_stays_quiet():
    assert px639("年末实有人数 30 人,其中在职人员 24 人,离休人员 2 人,退休人员 4 人。\n") == []


def test_only_some_kinds_listed_stays_quiet():
    assert px639("年末实有人数 31 人,其中在职人员 24 人,退休人员 4 人。\n") == []


def test_another_kind_in_the_clause_stays_quiet():
    # 遗属 is listed beside them: whether 实有人数 counts it is not said
    assert px639("年末实有人数 31 人,其中在职人员 24 人,离休人员 2 人,退休人员 4 人,遗属 1 人。\n") == []


def test_person_times_are_no_kind_of_people():
    assert px639("年末实有人数 31 人,其中在职人员 24 人,离休人员 2 人,退休人员 4 人次。\n") == []
