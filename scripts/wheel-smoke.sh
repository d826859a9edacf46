#!/usr/bin/env bash
# The installed package works outside the checkout (issue 13): build the wheel, install it in a
# fresh venv under /tmp, and from /tmp run report, demo, addin build and doctor; then remove the
# report templates from the installed package and require doctor to fail (non-zero, in Chinese).
# Usage: scripts/wheel-smoke.sh [PYTHON]   (default: .venv/bin/python of the checkout)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
PY="${1:-$ROOT/.venv/bin/python}"
WORK="$(mktemp -d /tmp/perfxl-wheel-smoke.XXXXXX)"
trap 'rm -rf "$WORK"' EXIT

# build from a copy of the checkout's files (tracked and new, not ignored): no stale build/ in
# the wheel, nothing left in the checkout
mkdir "$WORK/src"
(cd "$ROOT" && git ls-files -z -co --exclude-standard | xargs -0 tar --ignore-failed-read -cf - 2>/dev/null) \
  | tar -xf - -C "$WORK/src"
"$PY" -m pip wheel -q --no-deps -w "$WORK/dist" "$WORK/src"
WHEEL="$(ls "$WORK"/dist/perfxl-*.whl)"
# the wheel with the dependencies IT declares, from the package registry, in a venv that has
# nothing else: a dependency missing from pyproject.toml fails here, as it would for a user
# (a few seconds from pip's cache, about a minute without)
"$PY" -m venv "$WORK/venv"
VPY="$WORK/venv/bin/python"
"$VPY" -m pip install -q "$WHEEL"
cd "$WORK"   # outside the checkout: nothing may be found through it
SITE="$("$VPY" -c 'import perfxl, pathlib; print(pathlib.Path(perfxl.__file__).parent)')"
case "$SITE" in "$ROOT"*) echo "perfxl imported from the checkout ($SITE), not the wheel" >&2; exit 1;; esac
EXAMPLE="$(ls "$SITE"/_bundled/examples/004-*.xlsx)"
PERFXL="$WORK/venv/bin/perfxl"

"$PERFXL" report "$EXAMPLE" -o r.docx
test -s r.docx
"$PERFXL" demo --no-png -o demo
test -s demo/批量汇总.xlsx
"$PERFXL" doctor
# the edges are extras: the add-in and `new --from` (formulas) need them named
"$VPY" -m pip install -q "$WHEEL[addin,recalc]"
"$PERFXL" addin build -o perfxl.xlam
test -s perfxl.xlam
# the draft read back (exit 1: the 004 example's own texts carry errors) and the next year
rc=0; "$PERFXL" annotate r.docx --workbook "$EXAMPLE" -o annotated.docx || rc=$?
[ "$rc" -eq 1 ] && test -s annotated.docx
"$PERFXL" new --from "$EXAMPLE" -o next.xlsx
test -s next.xlsx

rm -rf "$SITE/templates"
set +e
"$PERFXL" doctor > doctor.txt 2>&1
rc=$?
set -e
cat doctor.txt
if [ "$rc" -eq 0 ] || ! grep -q "报告模板" doctor.txt || ! grep -q "缺少" doctor.txt; then
  echo "perfxl doctor did not fail on the missing report templates (rc=$rc)" >&2
  exit 1
fi
echo "wheel smoke: ok ($(basename "$WHEEL"))"
