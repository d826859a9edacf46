"""The same draft gives the same findings in every process: nothing may depend on the order of a
set or dict of strings, which changes with ``PYTHONHASHSEED`` (a report year guessed from two
equally frequent years once did, so a PX610 warning came and went from run to run)."""
from __future__ import annotations

import os
import subprocess
import sys

#: no title with a year; 2023 and 2024 written equally often; amounts with both years
DRAFT = ("某县体育彩票公益金使用情况公告\n"
         "2024年下达体育彩票公益金 120.00 万元，2023年结转 10.00 万元。\n"
         "2023年安排场地建设 50.00 万元，2024年安排赛事活动 30.00 万元，执行率 95%。\n")

CODE = ("import json, sys\nfrom perfxl.draft import check_text\n"
        "from perfxl.draft.reading import units_from_text\nfrom perfxl.draft.text import Doc\n"
        "text = sys.stdin.read()\n"
        "print(Doc(units_from_text(text)).year, json.dumps(sorted((f.rule, f.level, "
        "str(f.expected)) for f in check_text(text, notes=True))))")


def test_findings_do_not_depend_on_the_hash_seed():
    outs = set()
    for seed in ("0", "1", "2", "3", "4", "5"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        run = subprocess.run([sys.executable, "-c", CODE], input=DRAFT, text=True,
                             capture_output=True, env=env, check=True)
        outs.add(run.stdout)
    assert len(outs) == 1, outs
