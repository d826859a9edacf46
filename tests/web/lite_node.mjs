// Runs an xlwings Lite script of perfxl in Pyodide under node, offline: Pyodide from the npm
// package folder, every wheel from a local folder, the remote-engine book from a JSON payload.
// Usage: node lite_node.mjs PYODIDE_DIR WHEELS_DIR MAIN_PY PAYLOAD_JSON SCRIPT[,SCRIPT...] OUT_JSON
// OUT_JSON: {script: {summary, actions, platform, modules}}, each script on a fresh book.
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

const [pyodideDir, wheelsDir, mainPy, payloadPath, scriptName, outPath] = process.argv.slice(2);
const { loadPyodide } = await import(pathToFileURL(path.join(pyodideDir, "pyodide.mjs")).href);
const py = await loadPyodide({ indexURL: pyodideDir + "/", env: { XLWINGS_LICENSE_KEY: "noncommercial" } });
const site = py.runPython("import sysconfig; sysconfig.get_paths()['purelib']");
for (const f of fs.readdirSync(wheelsDir).filter((f) => f.endsWith(".whl")).sort()) {
  py.unpackArchive(new Uint8Array(fs.readFileSync(path.join(wheelsDir, f))), "wheel", { extractDir: site });
}
py.FS.mkdirTree("/lite");
py.FS.writeFile("/lite/main.py", fs.readFileSync(mainPy, "utf8"));
py.FS.writeFile("/lite/payload.json", fs.readFileSync(payloadPath, "utf8"));
py.globals.set("script_names", scriptName);
const out = py.runPython(`
import json, os, sys
os.environ["XLWINGS_LICENSE_KEY"] = "noncommercial"
sys.path.insert(0, "/lite")
import xlwings as xw
import main
out = {}
for name in script_names.split(","):
    book = xw.Book(json=json.load(open("/lite/payload.json", encoding="utf-8")))
    summary = getattr(main, name)(book)
    out[name] = {"summary": summary, "actions": book.json(), "platform": sys.platform,
                 "modules": sorted(m for m in ("lxml", "python_calamine", "pandas", "numpy")
                                   if m in sys.modules)}
json.dumps(out, ensure_ascii=False)
`);
fs.writeFileSync(outPath, out);
