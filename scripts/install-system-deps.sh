#!/usr/bin/env bash
# Installs what perfxl's tests and demo need outside Python, from Debian's packages:
# LibreOffice headless (recalculation, .docx -> PDF), python3-uno, a CJK font, pdftoppm;
# for the offline web page: Node.js and npm (the pinned npm package pyodide, and the xlwings Lite
# test under node) and Chromium (the page's browser test drives /usr/bin/chromium with
# Playwright's Python package; never `playwright install`).
set -euo pipefail
need=()
command -v soffice >/dev/null 2>&1 || need+=(libreoffice-calc-nogui libreoffice-writer-nogui python3-uno)
command -v pdftoppm >/dev/null 2>&1 || need+=(poppler-utils)
command -v node >/dev/null 2>&1 || need+=(nodejs)
command -v npm >/dev/null 2>&1 || need+=(npm)
[ -x /usr/bin/chromium ] || need+=(chromium)
fc-list 2>/dev/null | grep -qi "Noto Sans CJK\|Noto Serif CJK" || need+=(fonts-noto-cjk)
if [ ${#need[@]} -eq 0 ]; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "需要安装系统软件包：${need[*]}（请以 root 运行：apt-get install ${need[*]}）" >&2
  exit 1
fi
echo "installing: ${need[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
