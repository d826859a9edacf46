"""click's own words in Chinese: the help layout (用法, 选项, 命令), its error messages (缺少选项,
没有此选项, 取值无效…) and the metavars it derives from types (PATH, TEXT, INTEGER).

click marks every text it prints with ``gettext``; ``install()`` gives its modules a ``gettext``
and ``ngettext`` that look the message up in ``MESSAGES`` (unknown texts pass through unchanged),
so no catalogue file and no process-wide locale are needed.  ``localize(command)`` sets the
metavars of a command tree (``[选项]``, ``命令 [参数]...``, ``文件``).  Called once by
``perfxl.cli`` before the commands run.
"""
from __future__ import annotations

import importlib
import re

import click

__all__ = ["MESSAGES", "install", "localize", "translate", "wrap_text"]

#: click's message -> the Chinese perfxl prints (placeholders kept).
MESSAGES = {
    "Usage:": "用法：",
    "Options": "选项",
    "Commands": "命令",
    "Positional arguments": "参数",
    "Show this message and exit.": "显示本帮助并退出",
    "Show the version and exit.": "显示版本号并退出",
    "%(prog)s, version %(version)s": "%(prog)s 版本 %(version)s",
    "Error: {message}": "perfxl：{message}",
    "Try '{command} {option}' for help.": "查看帮助：{command} {option}",
    "Missing argument": "缺少参数",
    "Missing option": "缺少选项",
    "Missing parameter": "缺少参数",
    "Missing {param_type}": "缺少{param_type}",
    "Missing command.": "缺少子命令；可用的子命令见 perfxl -h",
    "Missing parameter: {param_name}": "缺少参数：{param_name}",
    "{missing}{param_hint}.{msg}": "{missing} {param_hint}。{msg}",
    "argument": "参数",
    "option": "选项",
    "parameter": "参数",
    "No such command {name!r}.": "没有子命令 {name!r}。",
    "No such option {name!r}.": "没有选项 {name!r}。",
    "Did you mean {possibility}?": "您是否想用 {possibility}？",
    "(Did you mean one of: {possibilities}?)": "（您是否想用其中之一：{possibilities}？）",
    "Option {name!r} does not take a value.": "选项 {name!r} 不带取值。",
    "Option {name!r} requires an argument.": "选项 {name!r} 需要一个取值。",
    "Option {name!r} requires {nargs} arguments.": "选项 {name!r} 需要 {nargs} 个取值。",
    "Got unexpected extra argument ({args})": "多余的参数（{args}）",
    "Got unexpected extra arguments ({args})": "多余的参数（{args}）",
    "Invalid value for {param_hint}: {message}": "{param_hint} 的取值无效：{message}",
    "Invalid value: {message}": "取值无效：{message}",
    "{value!r} is not {choice}.": "{value!r} 不是可选值 {choice}。",
    "{value!r} is not one of {choices}.": "{value!r} 不在可选值 {choices} 之中。",
    "Choose from:\n\t{choices}": "可选：\n\t{choices}",
    "{value!r} is not a valid {number_type}.": "{value!r} 不是有效的{number_type}。",
    "integer": "整数",
    "float": "数",
    "{value} is not in the range {range}.": "{value} 不在范围 {range} 之内。",
    "{value!r} is not a valid boolean. Recognized values: {states}":
        "{value!r} 不是有效的是非值；可用：{states}",
    "{name} {filename!r} does not exist.": "{name} {filename!r} 不存在。",
    "{name} {filename!r} is a file.": "{name} {filename!r} 是文件，应为文件夹。",
    "{name} {filename!r} is a directory.": "{name} {filename!r} 是文件夹，应为文件。",
    "{name} {filename!r} is not readable.": "{name} {filename!r} 无法读取。",
    "{name} {filename!r} is not writable.": "{name} {filename!r} 无法写入。",
    "{name} {filename!r} is not executable.": "{name} {filename!r} 不可执行。",
    "file": "文件",
    "directory": "文件夹",
    "path": "路径",
    "Could not open file {filename!r}: {message}": "无法打开文件 {filename!r}：{message}",
    "Takes {nargs} values but 1 was given.": "需要 {nargs} 个取值，只给了 1 个。",
    "Takes {nargs} values but {len} were given.": "需要 {nargs} 个取值，给了 {len} 个。",
    "Argument {name!r} takes {nargs} values.": "参数 {name!r} 需要 {nargs} 个取值。",
    "default: {default}": "默认：{default}",
    "required": "必填",
    "env var: {var}": "环境变量：{var}",
    "Aborted!": "已中断",
    "unknown error": "未知错误",
    "Do you want to continue?": "是否继续？",
    "Error: invalid input": "perfxl：输入无效",
    "Repeat for confirmation": "请再输入一次确认",
    "Error: The two entered values do not match.": "perfxl：两次输入不一致",
    "Press any key to continue...": "按任意键继续…",
    "Confirm the action without prompting.": "不提示，直接确认",
    "DeprecationWarning: The command {name!r} is deprecated.{extra_message}":
        "提示：子命令 {name!r} 已不再使用。{extra_message}",
}

#: Metavars click derives from a type's name, and perfxl's argument names, in Chinese.
TYPE_METAVARS = {"PATH": "路径", "FILENAME": "文件", "TEXT": "文本", "INTEGER": "整数",
                 "FLOAT": "数", "DIRECTORY": "文件夹", "INTEGER RANGE": "整数"}
ARGUMENT_METAVARS = {"files": "文件", "file": "文件", "paths": "路径", "report": "报告",
                     "code": "规则", "path": "路径"}

_MODULES = ("core", "exceptions", "formatting", "decorators", "types", "parser", "termui",
            "utils")


def translate(message: str) -> str:
    """``message`` in Chinese when perfxl knows it, else unchanged."""
    return MESSAGES.get(message, message)


def _ngettext(singular: str, plural: str, n: int) -> str:
    return translate(singular if n == 1 else plural)


def _display_width(text: str) -> int:
    """Terminal columns of ``text``: CJK characters take two (click counts one each, so the
    option help of ``-o, --output 文件`` would not line up)."""
    import unicodedata

    from click._compat import strip_ansi

    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in strip_ansi(text))


#: Characters that never begin a line (closing punctuation) and that never end one (opening).
_NO_START = set("，。、；：？！）》」』】〕…—,.;:?!)]}%")
_NO_END = set("（《「『【〔([{")


def _tokens(text: str) -> list[str]:
    """Break opportunities of ``text``: a run of non-space ASCII (a word, an option, a path), a
    run of spaces, or one wide character (Chinese breaks between any two characters)."""
    return re.findall(r"[!-~]+| +|.", text)


def _join_lines(lines: list[str]) -> str:
    """Lines of one paragraph joined: a space only between two ASCII ends (no space between two
    Chinese characters, which click's " ".join would put there)."""
    out = ""
    for line in lines:
        line = line.strip()
        if out and line and out[-1].isascii() and line[0].isascii():
            out += " "
        out += line
    return out


def _fill(text: str, width: int, first: str, rest: str) -> list[str]:
    """``text`` broken into lines at most ``width`` terminal columns wide (indents included),
    a CJK character counted two columns; no line begins with closing punctuation."""
    lines: list[list[str]] = [[]]
    used = _display_width(first)
    for tok in _tokens(text):
        w = _display_width(tok)
        line = lines[-1]
        if tok.isspace():
            if line:
                line.append(tok)
                used += w
            continue
        if used + w > width and any(not t.isspace() for t in line):
            while line and line[-1].isspace():
                line.pop()
            carry: list[str] = []
            # closing punctuation goes down with what stands before it (never starts a line)
            while len(line) > 1 and (carry or [tok])[0][0] in _NO_START:
                carry.insert(0, line.pop())
            # opening punctuation goes down with what follows it (never ends a line)
            while len(line) > 1 and line[-1][-1] in _NO_END:
                carry.insert(0, line.pop())
            while line and line[-1].isspace():
                line.pop()
            lines.append(carry)
            used = _display_width(rest) + sum(_display_width(t) for t in carry)
            line = lines[-1]
        if w > width - _display_width(rest) and tok.isascii():  # a word longer than a line
            while used + w > width and tok:
                room = max(width - used, 1)
                line.append(tok[:room])
                lines.append([])
                line = lines[-1]
                tok, used = tok[room:], _display_width(rest)
                w = len(tok)
            if not tok:
                continue
        line.append(tok)
        used += w
    out = []
    for i, line in enumerate(lines):
        body = "".join(line).rstrip()
        if body or i == 0:
            out.append((first if i == 0 else rest) + body)
    return out


def wrap_text(text: str, width: int = 78, initial_indent: str = "",
              subsequent_indent: str = "", preserve_paragraphs: bool = False) -> str:
    """click's ``wrap_text`` measured in terminal columns (a CJK character is two wide, as an
    80-column terminal shows it) and breaking between Chinese characters, where click breaks
    only at spaces and counts one column per character.  Same arguments; a paragraph after a
    line holding only ``\\b`` is kept as it is."""
    text = text.expandtabs()
    if not preserve_paragraphs:
        return "\n".join(_fill(_join_lines(text.splitlines()), width, initial_indent,
                               subsequent_indent))
    paragraphs: list[tuple[int, bool, list[str]]] = []
    buf: list[str] = []
    indent = 0

    def flush() -> None:
        if buf:
            raw = buf[0].strip() == "\b"
            paragraphs.append((indent, raw, buf[1:] if raw else list(buf)))
            buf.clear()

    for line in text.splitlines():
        if not line.strip():
            flush()
            continue
        if not buf:
            indent = len(line) - len(line.lstrip())
        buf.append(line)
    flush()
    out = []
    for ind, raw, lines in paragraphs:
        pad = " " * ind
        if raw:
            out.append("\n".join(initial_indent + pad + ln for ln in lines))
        else:
            out.append("\n".join(_fill(_join_lines(lines), width, initial_indent + pad,
                                       subsequent_indent + pad)))
    return "\n\n".join(out)


class ZhFormatter(click.HelpFormatter):
    """click's help layout with a Chinese colon after 选项 / 命令."""

    def write_heading(self, heading: str) -> None:
        self.write(f"{'':>{self.current_indent}}{heading}：\n")

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        super().write_usage(prog, args, "用法：" if prefix is None else prefix)


def _missing_message(orig):
    def format_message(self) -> str:  # "缺少选项 '-o' / '--output'." ends in a Chinese 。
        text = orig(self)
        return text[:-1] + "。" if text.endswith(".") else text.replace("'. ", "'。", 1)
    format_message.__wrapped__ = orig
    return format_message


def install() -> None:
    """Route click's ``gettext`` / ``ngettext`` through ``MESSAGES``, measure and wrap help
    text by display width (``wrap_text``) and use ``ZhFormatter`` (idempotent)."""
    import click.exceptions
    import click.formatting

    click.formatting.term_len = _display_width
    click.formatting.wrap_text = wrap_text
    click.Context.formatter_class = ZhFormatter
    missing = click.exceptions.MissingParameter
    if not hasattr(missing.format_message, "__wrapped__"):
        missing.format_message = _missing_message(missing.format_message)
    for name in _MODULES:
        try:
            mod = importlib.import_module(f"click.{name}")
        except ImportError:  # pragma: no cover - a click without that module
            continue
        if hasattr(mod, "_"):
            mod._ = translate
        if hasattr(mod, "ngettext"):
            mod.ngettext = _ngettext


def short_help(text: str) -> str:
    """The first sentence of a command's help for the command list: its lines joined without the
    space click would put between two Chinese characters, up to the first 。 (click cuts at an
    ASCII period or mid-phrase)."""
    first = text.strip().split("\n\n", 1)[0]
    out = ""
    for line in (ln.strip() for ln in first.splitlines()):
        if out and line and out[-1].isascii() and line[0].isascii():
            out += " "
        out += line
    return out.split("。", 1)[0] + "。" if "。" in out else out


#: Metavar of an option whose choices are too long for the option column: the choices then
#: go in its help text, which wraps.
CHOICE_METAVARS = {"framework": "框架编号", "format": "格式"}
_CHOICE_ROOM = 30  # click's col_max: a wider first column is printed on a line of its own


def _long_choices(param: click.Parameter) -> None:
    """``--framework [central_project|...|hunan_dept]`` is one unbreakable word wider than a
    terminal: name the value (``框架编号``) and list the choices in the help, where they wrap."""
    choices = [str(c) for c in param.type.choices]
    if len("|".join(choices)) + 2 + len(param.opts[-1]) <= _CHOICE_ROOM or \
            not isinstance(param, click.Option):
        return
    param.metavar = CHOICE_METAVARS.get(param.opts[-1].lstrip("-"), "值")
    listed = "可选：" + "、".join(choices)
    param.help = f"{param.help}（{listed}）" if param.help else listed


def localize(command: click.Command) -> None:
    """Chinese metavars for ``command`` and every sub-command: ``[选项]``, ``命令 [参数]...``,
    an argument's name (``文件...``) and a type's name (``路径``) where no metavar was given."""
    command.options_metavar = "[选项]"
    if command.short_help is None and command.help:
        command.short_help = short_help(command.help)
    if isinstance(command, click.Group):
        command.subcommand_metavar = "命令 [参数]..."
        for sub in command.commands.values():
            localize(sub)
    for param in command.params:
        if param.metavar is not None or getattr(param, "is_flag", False):
            continue
        if isinstance(param, click.Argument):
            shown = ARGUMENT_METAVARS.get(param.name or "")
            if shown:  # click adds neither "..." nor brackets to a given metavar
                shown += "..." if param.nargs != 1 else ""
                param.metavar = shown if param.required else f"[{shown}]"
            continue
        if isinstance(param.type, click.Choice):
            _long_choices(param)
            continue
        if isinstance(param.type, click.IntRange) and param.type.max is None:
            low = param.type.min
            param.type._describe_range = lambda low=low: f"≥ {low}"  # click shows "x>=1"
        shown = TYPE_METAVARS.get(param.type.name.upper())
        if shown:
            param.metavar = shown
