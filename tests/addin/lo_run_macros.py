"""Run VBA Subs of a workbook in headless LibreOffice and print what each wrote into a cell.

Usage (system Python with python3-uno, not the venv):
    /usr/bin/python3 lo_run_macros.py BOOK.xlsm PROFILE_DIR CELL URI [URI ...]
Prints one JSON object ``{uri: cell text after running it, ...}`` on stdout; a Sub that fails
maps to ``"ERROR: <message>"``.  Exit 2 when LibreOffice cannot be started or the book loaded.

LibreOffice runs in a dedicated profile (``-env:UserInstallation``) whose macro security is set to
"low" and whose VBA import is set to load and execute, so the user's own profile is never used.
"""
import json
import os
import subprocess
import sys
import time
import uuid

import uno
from com.sun.star.beans import PropertyValue
from com.sun.star.connection import NoConnectException

XCU = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Common/Security/Scripting"><prop oor:name="MacroSecurityLevel" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Filter/Import/VBA"><prop oor:name="Load" oor:op="fuse"><value>true</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Filter/Import/VBA"><prop oor:name="Executable" oor:op="fuse"><value>true</value></prop></item>
<item oor:path="/org.openoffice.Setup/Office"><prop oor:name="ooSetupInstCompleted" oor:op="fuse"><value>true</value></prop></item>
</oor:items>
"""


def prop(name, value):
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


def connect(pipe, proc, timeout=60.0):
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext(
        "com.sun.star.bridge.UnoUrlResolver", local)
    deadline = time.time() + timeout
    while True:
        try:
            return resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
        except NoConnectException:
            if proc.poll() is not None or time.time() > deadline:
                raise
            time.sleep(0.2)


def main(book, profile, cell, uris):
    user = os.path.join(profile, "user")
    os.makedirs(user, exist_ok=True)
    with open(os.path.join(user, "registrymodifications.xcu"), "w", encoding="utf-8") as fh:
        fh.write(XCU)
    pipe = "perfxl_" + uuid.uuid4().hex
    proc = subprocess.Popen(
        ["soffice", "--headless", "--invisible", "--norestore", "--nologo", "--nodefault",
         "-env:UserInstallation=" + uno.systemPathToFileUrl(os.path.abspath(profile)),
         f"--accept=pipe,name={pipe};urp;StarOffice.ComponentContext"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        ctx = connect(pipe, proc)
        desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        doc = desktop.loadComponentFromURL(
            uno.systemPathToFileUrl(os.path.abspath(book)), "_blank", 0,
            (prop("Hidden", True), prop("MacroExecutionMode", 4)))  # ALWAYS_EXECUTE_NO_WARN
        if doc is None:
            print(f"could not load {book}", file=sys.stderr)
            return 2
        target = doc.Sheets.getByIndex(0).getCellRangeByName(cell)
        provider = doc.getScriptProvider()
        control = target  # stand-in for the IRibbonControl that Excel passes
        result = {}
        for uri in uris:
            target.setString("")
            try:
                provider.getScript(uri).invoke((control,), (), ())
                result[uri] = target.getString()
            except Exception as exc:  # report any UNO failure per Sub, keep going
                result[uri] = f"ERROR: {getattr(exc, 'Message', exc)}"
        print(json.dumps(result, ensure_ascii=False))
        doc.close(True)
        try:
            desktop.terminate()
        except Exception:  # the bridge drops when soffice quits; that is the expected end
            pass
        return 0
    finally:
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


if __name__ == "__main__":
    if len(sys.argv) < 5:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    sys.exit(main(sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]))
