"""The built add-in: reproducible, carrying exactly our VBA, a valid ribbon whose every button
names an existing Sub, and the source-only project shape described in shared/reference/addin.md."""
from __future__ import annotations

import io
import re
import struct
import zipfile
from importlib import resources
from pathlib import Path

import olefile
import pytest
import xmlschema
from defusedxml import ElementTree
from oletools.olevba import VBA_Parser

import perfxl.addin
from perfxl.addin import ovba
from perfxl.addin.build import build_addin, build_test_workbook, source_text
from perfxl.addin.vbaproject import VBA_PROJECT_HEADER, load_project, parse_dir

DATA = Path(__file__).parent / "data"
NS = {"ui": "http://schemas.microsoft.com/office/2006/01/customui"}
MODULES = ["ThisWorkbook", "Dictionary", "Sheet2", "xlwings", "PerfxlRibbon"]
VEHICLE_MODULES = ["ThisWorkbook", "Sheet2", "xlwings", "PerfxlRibbon"]


def read_part(path, name: str) -> bytes:
    with zipfile.ZipFile(path) as zf:
        return zf.read(name)


def _template_source(name: str) -> bytes:
    xlam = resources.files("xlwings").joinpath("quickstart_addin_ribbon.xlam").read_bytes()
    with zipfile.ZipFile(io.BytesIO(xlam)) as zf:
        return load_project(zf.read("xl/vbaProject.bin")).module(name).source


def _olevba_modules(path) -> dict[str, str]:
    parser = VBA_Parser(str(path))
    try:
        return {stream.split("/")[-1]: code for _, stream, _, code in parser.extract_all_macros()}
    finally:
        parser.close()


def test_building_twice_gives_identical_bytes(tmp_path, addin_path):
    again = build_addin(tmp_path / "again.xlam")
    assert again.read_bytes() == addin_path.read_bytes()
    vehicle = [build_test_workbook(tmp_path / f"t{i}.xlsm").read_bytes() for i in range(2)]
    assert vehicle[0] == vehicle[1]


def test_zip_entries_have_fixed_metadata(addin_path):
    with zipfile.ZipFile(addin_path) as zf:
        infos = zf.infolist()
    assert {i.date_time for i in infos} == {(1980, 1, 1, 0, 0, 0)}
    template = resources.files("xlwings").joinpath("quickstart_addin_ribbon.xlam").read_bytes()
    with zipfile.ZipFile(io.BytesIO(template)) as zf:
        assert [i.filename for i in infos] == zf.namelist()


def test_olevba_gives_back_each_module_exactly(addin_path):
    modules = _olevba_modules(addin_path)
    assert sorted(modules) == sorted(MODULES)
    assert modules["PerfxlRibbon"] == source_text("PerfxlRibbon.bas")
    for name in ("ThisWorkbook", "Dictionary", "Sheet2"):
        assert modules[name].encode("cp1252") == _template_source(name)
    expected = _template_source("xlwings").replace(b'PROJECT_NAME As String = "myaddin"',
                                                   b'PROJECT_NAME As String = "perfxl"')
    assert modules["xlwings"].encode("cp1252") == expected
    assert "xlwings64-0.37.8.dll" in modules["xlwings"]


def test_test_workbook_swaps_xlwings_for_the_stub(test_book_path):
    modules = _olevba_modules(test_book_path)
    assert sorted(modules) == sorted(VEHICLE_MODULES)
    assert modules["xlwings"] == source_text("RunPythonStub.bas")
    assert modules["PerfxlRibbon"] == source_text("PerfxlRibbon.bas")
    types = read_part(test_book_path, "[Content_Types].xml")
    assert b"application/vnd.ms-excel.sheet.macroEnabled.main+xml" in types


def test_vba_project_is_source_only(addin_path):
    data = read_part(addin_path, "xl/vbaProject.bin")
    with olefile.OleFileIO(io.BytesIO(data)) as ole:
        streams = ["/".join(p) for p in ole.listdir()]
        assert not [s for s in streams if "__SRP_" in s]
        assert ole.openstream("VBA/_VBA_PROJECT").read() == VBA_PROJECT_HEADER
        assert struct.unpack_from("<H", VBA_PROJECT_HEADER, 2)[0] == 0xFFFF
        records = parse_dir(ovba.decompress(ole.openstream("VBA/dir").read()))
        project = ole.openstream("PROJECT").read().decode("cp1252")
        projectwm = ole.openstream("PROJECTwm").read()
    assert dict(records)[0x04] == b"perfxl"  # PROJECTNAME
    names = [p.decode() for r, p in records if r == 0x19]
    assert names == ["ThisWorkbook", "Dictionary", "Sheet2", "xlwings", "PerfxlRibbon"]
    assert struct.unpack("<H", dict(records)[0x0F])[0] == len(names)  # PROJECTMODULES
    assert {p for r, p in records if r == 0x31} == {b"\0\0\0\0"}  # every MODULEOFFSET is 0
    assert 'Name="perfxl"' in project and "Module=PerfxlRibbon" in project
    assert "RibbonMyAddin" not in project
    assert b"M\0y\0A\0d\0d\0i\0n" not in projectwm
    assert projectwm.endswith(b"P\0e\0r\0f\0x\0l\0R\0i\0b\0b\0o\0n\0\0\0\0\0")


def test_customui_validates_against_the_schema(addin_path):
    schema = xmlschema.XMLSchema(DATA / "customUI-subset.xsd")
    xml = read_part(addin_path, "customUI/customUI.xml").decode("utf-8")
    schema.validate(xml)
    assert xml == source_text("customUI.xml")


@pytest.mark.parametrize("broken", [
    '<button id="b" label="x" size="huge" onAction="PerfxlRibbon.Score"/>',
    '<button id="b" label="" onAction="PerfxlRibbon.Score"/>',
    '<button id="b" label="x" onClick="PerfxlRibbon.Score"/>',
    '<button id="perfxlTab" label="x"/>',
], ids=["size", "empty label", "unknown attribute", "duplicate id"])
def test_schema_rejects_broken_ribbons(broken):
    schema = xmlschema.XMLSchema(DATA / "customUI-subset.xsd")
    xml = source_text("customUI.xml").replace("</group>", broken + "</group>", 1)
    assert not schema.is_valid(xml)


def test_ribbon_tab_and_labels():
    root = ElementTree.fromstring(source_text("customUI.xml").encode("utf-8"))
    tab = root.find(".//ui:tab", NS)
    assert tab.get("label") == "绩效自评"
    labels = [b.get("label") for b in root.iterfind(".//ui:button", NS)]
    assert labels == ["校验", "评分", "生成报告", "上年数据", "校对报告", "清除标记", "关于/诊断"]
    assert all(b.get("imageMso") for b in root.iterfind(".//ui:button", NS))


def test_every_onaction_names_an_existing_sub(addin_path, ribbon_subs):
    code = _olevba_modules(addin_path)["PerfxlRibbon"]
    subs = set(re.findall(r"^Sub (\w+)\(control As IRibbonControl\)\r$", code, re.M))
    root = ElementTree.fromstring(read_part(addin_path, "customUI/customUI.xml"))
    actions = [b.get("onAction") for b in root.iterfind(".//ui:button", NS)]
    assert len(actions) == 7
    for action in actions:
        module, _, sub = action.partition(".")
        assert module == "PerfxlRibbon" and sub in subs
    assert set(ribbon_subs) == subs


def test_every_sub_runs_an_exported_python_function(ribbon_subs):
    assert sorted(ribbon_subs.values()) == sorted(perfxl.addin.__all__)
    assert all(callable(getattr(perfxl.addin, fn)) for fn in ribbon_subs.values())


def test_vba_sources_are_ascii():
    for name in ("PerfxlRibbon.bas", "RunPythonStub.bas"):
        assert source_text(name).isascii()


def test_core_properties_record_versions(addin_path):
    from perfxl import __version__
    from perfxl.addin.install import addin_info

    info = addin_info(addin_path)
    assert (info.perfxl_version, info.xlwings_version) == (__version__, "0.37.8")
    workbook = read_part(addin_path, "xl/workbook.xml")
    assert b'name="_perfxl.conf"' in workbook and b"_myaddin.conf" not in workbook


def test_committed_addin_is_up_to_date(addin_path):
    """workbook/perfxl.xlam must be what ``perfxl addin build`` makes from the sources now
    (compared entry by entry, so a different zlib cannot fail it).
    Fix: perfxl addin build -o workbook/perfxl.xlam"""
    committed = Path(__file__).parents[2] / "workbook" / "perfxl.xlam"
    assert committed.is_file(), "workbook/perfxl.xlam 缺失：运行 perfxl addin build -o workbook/perfxl.xlam"
    with zipfile.ZipFile(committed) as old, zipfile.ZipFile(addin_path) as new:
        assert old.namelist() == new.namelist()
        for name in new.namelist():
            assert old.read(name) == new.read(name), f"{name} 已过期：重新运行 perfxl addin build"
