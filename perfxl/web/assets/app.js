// perfxl's offline page: choose files, show the findings grouped as `perfxl check` prints them,
// the scores and grade, and offer the .xlsx outputs. Python runs in worker.js.
"use strict";
const $ = (id) => document.getElementById(id);
// opened as a file (double-click): the browser refuses to start Python there, say so at once
const fromFile = location.protocol === "file:";
const worker = fromFile ? null : new Worker("worker.js", { type: "module" });
const state = { ready: false, bookName: null };

function esc(text) {
  return String(text ?? "").replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c]));
}
function setProgress(pct, text) { $("bar").value = pct; $("status").textContent = text; }
function busy(on) { $("run").disabled = on || !state.ready; $("run").textContent = on ? "正在校验……" : "开始校验"; }

async function chosen(input) {
  const f = input.files && input.files[0];
  return f ? { name: f.name, bytes: await f.arrayBuffer() } : null;
}

async function exampleFile() {
  const name = $("example").value;
  if (!name) return null;
  const res = await fetch("examples/" + encodeURIComponent(name));
  return { name, bytes: await res.arrayBuffer() };
}

$("run").addEventListener("click", async () => {
  const book = (await chosen($("workbook"))) || (await exampleFile());
  const draft = await chosen($("draft"));
  if (!book && !draft) { setProgress(0, "请先选择工作簿或报告草稿"); return; }
  busy(true);
  state.bookName = book ? book.name : null;
  state.started = performance.now();
  const transfer = [book, draft].filter(Boolean).map((f) => f.bytes);
  worker.postMessage({ cmd: "check", book, draft }, transfer);
});

for (const input of document.querySelectorAll("input.file")) {
  // the chosen file's name beside the button (the browser's own label is hidden)
  input.addEventListener("change", () => {
    const f = input.files && input.files[0];
    document.querySelector(`.picked[data-for="${input.id}"]`).textContent = f ? f.name : "未选择文件";
  });
}

$("dl-findings").addEventListener("click", () => worker.postMessage({ cmd: "download", what: "findings" }));
$("dl-scored").addEventListener("click", () => worker.postMessage({ cmd: "download", what: "scored" }));

function saveFile(bytes, name) {
  const blob = new Blob([bytes], { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" });
  const a = document.createElement("a");
  a.href = URL.createObjectURL(blob);
  a.download = name;
  document.body.appendChild(a);
  a.click();
  setTimeout(() => { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
}

function stem(name) { return name.replace(/\.[^.]+$/, ""); }

function showFindings(check, errors) {
  const out = [];
  for (const e of errors) out.push(`<p class="error-box">文件「${esc(e.file)}」无法读取：${esc(e.error)}</p>`);
  for (const f of check.view) {
    if (f.error) continue;
    out.push(`<section class="card file" data-file="${esc(f.file)}"><h2>${esc(f.file)}：` +
      (f.groups.some((g) => !g.accepted) ? `${f.summary.errors} 个错误，${f.summary.warnings} 个警告，${f.summary.infos} 个提示`
                       : "未发现问题") + "</h2>");
    for (const g of f.groups) {
      out.push(`<h3>${g.accepted ? "已接受（不计入问题数，各自写明理由）" : g.draft ? "报告文字" : "工作表：" + esc(g.sheet)}</h3>`);
      out.push(`<table><thead><tr><th>${g.draft ? "位置" : "单元格"}</th><th>规则</th><th>级别</th><th>说明</th></tr></thead><tbody>`);
      for (const r of g.rows) {
        out.push(`<tr class="finding ${esc(r.level)}"><td class="where">${esc(r.where)}</td>` +
          `<td class="rule">${esc(r.rule)}</td><td class="level">${esc(r.level_text)}</td>` +
          `<td class="message">${esc(r.message)}</td></tr>`);
      }
      out.push("</tbody></table>");
    }
    out.push("</section>");
  }
  $("findings").innerHTML = out.join("");
  const n = (k) => check.files.reduce((s, f) => s + f.summary[k], 0);
  $("summary").innerHTML = `<h2>校验完成</h2><p>已校验 ${check.files.length} 个文件：` +
    `<b>${n("errors")}</b> 个错误，<b>${n("warnings")}</b> 个警告，<b>${n("infos")}</b> 个提示。` +
    "错误须改正；警告请核实；提示供参考。</p>";
}

function scoreTable(items, open) {
  const rows = items.map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join("")}</tr>`).join("");
  return `<details${open ? " open" : ""}><summary>各指标得分</summary><table><thead><tr><th>指标</th><th>分值</th>` +
    `<th>计算得分</th><th>填报得分</th><th>计算方法</th></tr></thead><tbody>${rows}</tbody></table></details>`;
}

function showScore(score) {
  // every figure arrives formatted by perfxl (Excel's rounding), never by JavaScript
  const box = $("score");
  if (!score) { box.hidden = true; return; }
  box.hidden = false;
  if (score.error) { box.innerHTML = `<h2>评分</h2><p class="error-box">${esc(score.error)}</p>`; return; }
  const s = score.shown;
  const head = s.total === null
    ? `<p>评价框架 ${esc(score.framework)} 不计总分，下表为各指标的计算值。</p>`
    : `<p>计算总分 <span class="grade" id="total">${esc(s.total)}</span> 分，` +
      `等级 <span class="grade" id="grade">${esc(score.grade)}</span>` +
      (s.stated_total !== null ? `（表中填报总分 ${esc(s.stated_total)}）` : "") + "</p>";
  const projects = s.projects.map((p) => `<h3>项目：${esc(p.project)}</h3><p>计算总分 ${esc(p.total)} 分，` +
    `等级 ${esc(p.grade)}（填报 ${esc(p.stated_total)}）</p>` + scoreTable(p.items, false)).join("");
  box.innerHTML = "<h2>评分</h2>" + head +
    (score.warnings.length ? `<p class="note">${score.warnings.map(esc).join("<br>")}</p>` : "") +
    (s.items.length ? scoreTable(s.items, s.total === null) : "") + projects;
}

const onMessage = (e) => {
  const m = e.data;
  if (m.type === "progress") setProgress(m.pct, m.text);
  else if (m.type === "ready") {
    state.ready = true;
    window.perfxlReady = m;
    $("version").textContent = m.version;
    $("docx-note").hidden = m.docx;
    setProgress(100, `已就绪（用时 ${(m.ms / 1000).toFixed(1)} 秒）。请选择文件后点击“开始校验”。`);
    busy(false);
  } else if (m.type === "result") {
    window.perfxlResult = m;
    showFindings(m.check, m.errors);
    showScore(m.score);
    $("dl-scored").hidden = !(m.score && !m.score.error);
    $("dl-findings").hidden = m.check.files.length === 0;
    $("results").hidden = false;
    setProgress(100, `校验完成（用时 ${(m.ms / 1000).toFixed(1)} 秒）`);
    busy(false);
    document.body.dataset.state = "done";
  } else if (m.type === "file") {
    const base = state.bookName ? stem(state.bookName) : "报告草稿";
    // the scored copy keeps the input's macros, so it keeps its extension (Excel refuses a
    // macro-enabled file named .xlsx)
    const ext = state.bookName && /\.xlsm$/i.test(state.bookName) ? ".xlsm" : ".xlsx";
    saveFile(m.bytes, m.what === "findings" ? `${base}（校验结果）.xlsx` : `${base}（评分）${ext}`);
  } else if (m.type === "failed") {
    setProgress(0, (m.boot ? "运行环境加载失败：" : "处理失败：") + m.text);
    busy(false);
    document.body.dataset.state = "failed";
  }
};

if (fromFile) {
  setProgress(0, "请通过网站地址打开本网页（如单位内网上的地址），不能直接双击打开文件；" +
                 "临时试用可在本文件夹运行 python -m http.server 后打开 http://127.0.0.1:8000/");
  document.body.dataset.state = "failed";
} else {
  worker.onmessage = onMessage;
  worker.onerror = (e) => {
    setProgress(0, "运行环境加载失败：" + (e.message || "请确认网站按原样提供了本文件夹中的全部文件"));
    document.body.dataset.state = "failed";
  };
}

fetch("examples/index.json").then((r) => r.json()).then((names) => {
  for (const n of names) {
    const o = document.createElement("option");
    o.value = n; o.textContent = stem(n);
    $("example").appendChild(o);
  }
}).catch(() => {});
