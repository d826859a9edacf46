// perfxl's offline page: Python (Pyodide) runs here, off the page's thread, so the page stays
// responsive and can show progress. Every file is fetched from the folder this page came from.
// A module worker: Pyodide's loader is an ES module.
import { loadPyodide } from "./pyodide/pyodide.mjs";

let py = null;
let run = null;
const IN = "/home/pyodide/in";

function progress(pct, text) { postMessage({ type: "progress", pct, text }); }

async function get(url) {
  // a server that does not know a file type (IIS and .wasm/.whl) answers 404: say which file
  const res = await fetch(url);
  if (!res.ok) {
    throw new Error(`网站未提供文件 ${url}（${res.status}）；请确认已把生成的文件夹原样放到网站上，` +
                    "并且网站允许 .wasm、.mjs、.whl 类型的文件（IIS 请保留文件夹中的 web.config）");
  }
  return res;
}

async function boot() {
  const t0 = performance.now();
  progress(5, "正在加载 Python 运行环境（首次打开约需十几秒，之后会快很多）……");
  py = await loadPyodide({ indexURL: new URL("pyodide/", self.location.href).href });
  progress(45, "正在安装 perfxl……");
  const index = await (await get("wheels/index.json")).json();
  const site = py.runPython("import sysconfig; sysconfig.get_paths()['purelib']");
  for (const [i, file] of index.wheels.entries()) {
    const buf = new Uint8Array(await (await get("wheels/" + file)).arrayBuffer());
    py.unpackArchive(buf, "wheel", { extractDir: site });
    progress(45 + Math.round(25 * (i + 1) / index.wheels.length), `正在安装 ${file.split("-")[0]}……`);
  }
  progress(75, "正在载入校验规则……");
  // everything a check imports, now, while the progress bar shows it: the first check is then fast
  py.runPython("import openpyxl, perfxl.web.run, perfxl.checks, perfxl.scoring, perfxl.draft.rules, "
               + "perfxl.io.reading.xlsx_reader, perfxl.io.writing.xlsx_writer");
  run = py.pyimport("perfxl.web.run");
  py.FS.mkdirTree(IN);
  postMessage({ type: "ready", version: index.perfxl, docx: run.docx_outputs(),
                ms: Math.round(performance.now() - t0) });
}

let lastDir = null;

function clearLast() {
  // the previous run's copies: only the latest files stay in the page's memory
  if (!lastDir) return;
  for (const name of py.FS.readdir(lastDir)) {
    if (name !== "." && name !== "..") py.FS.unlink(`${lastDir}/${name}`);
  }
  py.FS.rmdir(lastDir);
  lastDir = null;
}

function put(file) {
  // this run's folder (made fresh in check): a name the user chose never meets an old file
  const path = `${lastDir}/${file.name.replace(/[\/\\]/g, "_")}`;
  py.FS.writeFile(path, new Uint8Array(file.bytes));
  return path;
}

async function check(msg) {
  const t0 = performance.now();
  run.reset();
  clearLast();
  lastDir = `${IN}/${Date.now()}`;
  py.FS.mkdirTree(lastDir);
  const errors = [];
  if (msg.book) {
    progress(10, "正在读取工作簿……");
    const r = JSON.parse(run.open_workbook(put(msg.book)));
    if (!r.ok) errors.push({ file: msg.book.name, error: r.error });
  }
  if (msg.draft) {
    progress(30, "正在读取报告草稿……");
    const r = JSON.parse(run.open_draft(put(msg.draft)));
    if (!r.ok) errors.push({ file: msg.draft.name, error: r.error });
  }
  progress(50, "正在校验……");
  await new Promise((r) => setTimeout(r, 0));
  const checked = JSON.parse(run.check());
  let score = null;
  if (msg.book && !errors.some((e) => e.file === msg.book.name)) {
    progress(80, "正在评分……");
    score = JSON.parse(run.score());
  }
  progress(100, "完成");
  postMessage({ type: "result", check: checked, score, errors,
                ms: Math.round(performance.now() - t0) });
}

function download(msg) {
  const out = `${IN}/out-${Date.now()}.xlsx`;
  if (msg.what === "findings") run.findings_xlsx(out); else run.scored_copy(out);
  const bytes = py.FS.readFile(out);
  py.FS.unlink(out);
  postMessage({ type: "file", what: msg.what, bytes }, [bytes.buffer]);
}

onmessage = async (e) => {
  try {
    if (e.data.cmd === "check") await check(e.data);
    else if (e.data.cmd === "download") download(e.data);
  } catch (err) {
    postMessage({ type: "failed", text: String(err && err.message || err) });
  }
};

boot().catch((err) => postMessage({ type: "failed", boot: true, text: String(err && err.message || err) }));
