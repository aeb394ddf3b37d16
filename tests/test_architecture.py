"""The functional core never imports Django: each core package is imported in a fresh
interpreter and sys.modules is checked afterwards."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

CORE_PACKAGES = ["planwatch.domain", "planwatch.planfile", "planwatch.extract",
                 "planwatch.evaluate", "planwatch.reports"]

PROBE = """
import importlib, json, pkgutil, sys
package = importlib.import_module(sys.argv[1])
for module in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
    importlib.import_module(module.name)
print(json.dumps(sorted(name for name in sys.modules
                        if name == "django" or name.startswith("django."))))
"""


@pytest.mark.parametrize("package", CORE_PACKAGES)
def test_a_core_package_and_all_its_modules_import_without_django(package):
    result = subprocess.run([sys.executable, "-c", PROBE, package], capture_output=True,
                            text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout.splitlines()[-1]) == []


def test_the_command_line_help_imports_no_django():
    probe = ("import sys, json; from planwatch.cli import build_parser; build_parser(); "
             "print(json.dumps([n for n in sys.modules if n.split('.')[0] == 'django']))")
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                            timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout.splitlines()[-1]) == []
