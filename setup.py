"""Build hook only (everything else is in pyproject.toml): the wheel carries the bundled examples.

``examples/`` stays at the repository root (one copy, used by the tests, ``make examples`` and the
README); ``build_py`` copies its workbooks and data files into ``perfxl/_bundled/examples/`` of the
build, so ``perfxl demo`` finds them in an installed package (``perfxl.examples.data_root``).
"""
from pathlib import Path
import shutil

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent
BUNDLED = ("examples/*.xlsx", "examples/data/*.toml")


class BuildPyWithExamples(build_py):
    def run(self):
        super().run()
        target = Path(self.build_lib) / "perfxl" / "_bundled"
        for pattern in BUNDLED:
            for src in sorted(HERE.glob(pattern)):
                dst = target / src.relative_to(HERE)
                dst.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(src, dst)


setup(cmdclass={"build_py": BuildPyWithExamples})
