"""``build_page(out)``: write the offline web page's static folder (see ``perfxl.web``).

Where the pieces come from:

* the Pyodide core: the npm package ``pyodide@PYODIDE_VERSION``, unpacked by npm into
  ``<cache>/web/pyodide-<version>/`` (``fetch_pyodide``; ``make web-deps`` runs it, and
  ``build_page`` runs it when the folder is missing and npm is there), or a folder given with
  ``pyodide=`` / ``PERFXL_PYODIDE_DIR``;
* perfxl's wheel: written from the installed package's own files (``perfxl_wheel``), so an
  installed perfxl builds the page as well as a checkout does; the report templates, the add-in
  sources and the page's own assets are left out (the page cannot use them);
* the other wheels (``PAGE_PACKAGES``): the versions installed here, downloaded once by pip into
  ``<cache>/web/wheels/`` (``page_wheels``).

``<cache>`` is perfxl's cache folder (``PERFXL_CACHE_DIR``, else ``~/.cache/perfxl``).  Errors
are ``UsageError`` (Chinese, exit 2): npm or pip missing or failing, ``out`` a file, or a
non-empty folder that is not a page perfxl built.  The folder appears complete or not at all
(written beside ``out`` and renamed into place).
"""
from __future__ import annotations

import base64
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile
from importlib import metadata, resources
from pathlib import Path

from perfxl import __version__
from perfxl.errors import UsageError
from perfxl.web import PAGE_PACKAGES, PYODIDE_VERSION

__all__ = ["build_page", "fetch_pyodide", "pyodide_dir", "page_wheels", "perfxl_wheel",
           "PYODIDE_FILES", "MARKER"]

#: The files of the npm package the page loads (the rest is for node or for developers).
PYODIDE_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip",
                 "pyodide-lock.json")
#: Written last into a built page: what is in it (and that perfxl may replace the folder).
MARKER = "perfxl-page.json"
#: Python of the Pyodide release (for pip's choice of wheels).
_PY = "3.14"
_ASSETS = ("index.html", "app.js", "worker.js", "style.css", "web.config")
#: Parts of the perfxl package the page does not need (no lxml for .docx, no Excel).
_SKIP = ("templates/", "addin/src/", "_bundled/", "web/assets/", "web/lite/", "udfs_xl.py")
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)


def _web_cache() -> Path:
    from perfxl.cachedir import cache_dir

    return cache_dir() / "web"


def fetch_pyodide(root: Path | None = None) -> Path:
    """Install ``pyodide@PYODIDE_VERSION`` with npm under ``root`` (default the cache) and
    return the package folder."""
    root = root or _web_cache() / f"pyodide-{PYODIDE_VERSION}"
    pkg = root / "node_modules" / "pyodide"
    if all((pkg / f).is_file() for f in PYODIDE_FILES):
        return pkg
    npm = shutil.which("npm")
    if npm is None:
        raise UsageError(f"需要 npm 来获取 Pyodide {PYODIDE_VERSION}（网页版的 Python 运行环境）；"
                         "请安装 Node.js 与 npm，或用 --pyodide 指定已解压的 npm 包 pyodide 目录")
    root.mkdir(parents=True, exist_ok=True)
    run = subprocess.run([npm, "install", "--no-audit", "--no-fund", "--no-save", "--prefix",
                          str(root), f"pyodide@{PYODIDE_VERSION}"],
                         capture_output=True, text=True)
    if run.returncode != 0 or not (pkg / "pyodide.asm.wasm").is_file():
        raise UsageError(f"npm 未能安装 pyodide@{PYODIDE_VERSION}：{run.stderr.strip()[-300:]}")
    return pkg


def pyodide_dir(explicit: str | os.PathLike | None = None) -> Path:
    """The unpacked npm package ``pyodide`` to copy from: ``explicit``, ``PERFXL_PYODIDE_DIR``,
    else the cache (fetched with npm when missing)."""
    given = explicit or os.environ.get("PERFXL_PYODIDE_DIR")
    if not given:
        return fetch_pyodide()
    pkg = Path(given)
    gone = [f for f in PYODIDE_FILES if not (pkg / f).is_file()]
    if gone:
        raise UsageError(f"「{pkg}」不是 npm 包 pyodide 的目录（缺少 {'、'.join(gone)}）")
    return pkg


def _wheel_file_name(name: str, version: str) -> str:
    return f"{name.replace('-', '_')}-{version}-"


def page_wheels(cache: Path | None = None, names: tuple[str, ...] = PAGE_PACKAGES) -> list[Path]:
    """The pure-Python wheels of ``names`` (default ``PAGE_PACKAGES``) at the versions installed
    here, from ``cache`` (default ``<cache>/web/wheels``), downloaded there by pip when missing."""
    cache = cache or _web_cache() / "wheels"
    cache.mkdir(parents=True, exist_ok=True)
    out = []
    for name in names:
        try:
            version = metadata.version(name)
        except metadata.PackageNotFoundError:
            raise UsageError(f"未安装 {name}，无法生成网页版；请重新安装 perfxl") from None
        prefix = _wheel_file_name(name, version).lower()
        found = [p for p in cache.glob("*-none-any.whl") if p.name.lower().startswith(prefix)]
        if not found:  # pip writes into a folder of its own, renamed into the cache whole:
            # two builds at once (parallel tests) never read a half-written wheel
            with tempfile.TemporaryDirectory(dir=cache) as tmp:
                run = subprocess.run(
                    [sys.executable, "-m", "pip", "download", "-q", "--no-deps",
                     "--only-binary=:all:", "--platform", "any", "--python-version", _PY,
                     "--implementation", "py", "-d", tmp, f"{name}=={version}"],
                    capture_output=True, text=True)
                for w in Path(tmp).glob("*-none-any.whl"):
                    os.replace(w, cache / w.name)
            found = [p for p in cache.glob("*-none-any.whl")
                     if p.name.lower().startswith(prefix)]
            if run.returncode != 0 or not found:
                raise UsageError(f"无法下载 {name} {version} 的 wheel（网页版需要）："
                                 f"{run.stderr.strip()[-300:]}")
        out.append(found[0])
    return out


def _record_line(arc: str, data: bytes) -> str:
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
    return f"{arc},sha256={digest},{len(data)}"


def perfxl_wheel(dest: Path) -> Path:
    """A wheel of the installed perfxl package (its .py and data files, without ``_SKIP``),
    written into ``dest``; byte-identical for the same sources."""
    pkg = Path(resources.files("perfxl"))
    files = sorted(p for p in pkg.rglob("*") if p.is_file() and "__pycache__" not in p.parts
                   and p.suffix not in (".pyc", ".pyo")
                   and not p.relative_to(pkg).as_posix().startswith(_SKIP))
    info = f"perfxl-{__version__}.dist-info"
    path = dest / f"perfxl-{__version__}-py3-none-any.whl"
    record = []
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        def add(arc: str, data: bytes) -> None:
            zi = zipfile.ZipInfo(arc, _ZIP_TIME)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            zf.writestr(zi, data)
            record.append(_record_line(arc, data))
        for p in files:
            add("perfxl/" + p.relative_to(pkg).as_posix(), p.read_bytes())
        add(f"{info}/METADATA", (f"Metadata-Version: 2.1\nName: perfxl\nVersion: {__version__}\n"
                                 "Summary: 预算绩效自评（网页版）\n").encode())
        add(f"{info}/WHEEL", b"Wheel-Version: 1.0\nGenerator: perfxl web build\n"
                             b"Root-Is-Purelib: true\nTag: py3-none-any\n")
        record.append(f"{info}/RECORD,,")
        zi = zipfile.ZipInfo(f"{info}/RECORD", _ZIP_TIME)
        zf.writestr(zi, "\n".join(record) + "\n")
    return path


def _check_out(out: Path) -> None:
    if out.exists() and not out.is_dir():
        raise UsageError(f"「{out}」是一个文件；请指定一个文件夹")
    if out.is_dir() and any(out.iterdir()) and not (out / MARKER).is_file():
        raise UsageError(f"文件夹「{out}」不是空的，也不是 perfxl 生成的网页；"
                         "为免覆盖其中的文件，请指定一个新的或空的文件夹")


def _lite(tmp: Path, wheel: str, base_url: str | None) -> None:
    """``lite/main.py`` and ``lite/requirements.txt`` for xlwings Lite, the wheel's address in
    the requirements (``base_url`` + ``wheels/...``; a placeholder to replace without it)."""
    src = resources.files("perfxl.web").joinpath("lite")
    (tmp / "lite").mkdir()
    (tmp / "lite" / "main.py").write_bytes(src.joinpath("main.py").read_bytes())
    base = (base_url.rstrip("/") + "/") if base_url else "https://（本网页所在的网址）/"
    text = src.joinpath("requirements.txt").read_text(encoding="utf-8")
    (tmp / "lite" / "requirements.txt").write_text(
        text.replace("PERFXL_WHEEL_URL", f"{base}wheels/{wheel}"), encoding="utf-8")


def build_page(out: str | os.PathLike, *, pyodide: str | os.PathLike | None = None,
               wheels: str | os.PathLike | None = None, base_url: str | None = None) -> dict:
    """Write the page into folder ``out`` (created; a page perfxl built there before is
    replaced).  ``pyodide``: the npm package folder to copy the core from; ``wheels``: a folder
    to take/download the dependency wheels from; ``base_url``: where the folder will be served
    (only for the xlwings Lite requirements).  Returns what ``MARKER`` records: versions,
    files and their sizes in bytes."""
    from perfxl.examples import EXAMPLES

    out = Path(out)
    _check_out(out)
    core = pyodide_dir(pyodide)
    deps = page_wheels(Path(wheels) if wheels else None)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}.", dir=out.parent))
    try:
        assets = resources.files("perfxl.web").joinpath("assets")
        for name in _ASSETS:
            (tmp / name).write_bytes(assets.joinpath(name).read_bytes())
        (tmp / "pyodide").mkdir()
        for name in PYODIDE_FILES:
            shutil.copyfile(core / name, tmp / "pyodide" / name)
        wdir = tmp / "wheels"
        wdir.mkdir()
        listed = [perfxl_wheel(wdir).name]
        for w in deps:
            shutil.copyfile(w, wdir / w.name)
            listed.append(w.name)
        _lite(tmp, listed[0], base_url)
        (wdir / "index.json").write_text(json.dumps(
            {"perfxl": __version__, "pyodide": PYODIDE_VERSION, "wheels": listed},
            ensure_ascii=False, indent=1), encoding="utf-8")
        (tmp / "examples").mkdir()
        examples = []
        for ex in EXAMPLES:
            src = ex.output_path()
            if src.is_file():
                shutil.copyfile(src, tmp / "examples" / src.name)
                examples.append(src.name)
        (tmp / "examples" / "index.json").write_text(json.dumps(examples, ensure_ascii=False),
                                                     encoding="utf-8")
        sizes = {p.relative_to(tmp).as_posix(): p.stat().st_size
                 for p in sorted(tmp.rglob("*")) if p.is_file()}
        record = {"perfxl": __version__, "pyodide": PYODIDE_VERSION, "files": sizes,
                  "bytes": sum(sizes.values())}
        (tmp / MARKER).write_text(json.dumps(record, ensure_ascii=False, indent=1),
                                  encoding="utf-8")
        tmp.chmod(0o755)
        if out.exists():
            old = out.with_name(f".{out.name}.old")
            shutil.rmtree(old, ignore_errors=True)
            out.rename(old)
            tmp.rename(out)
            shutil.rmtree(old, ignore_errors=True)
        else:
            tmp.rename(out)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return record
