"""The aiogram baseline's own virtual environment (.venv-aiogram beside .venv).

aiogram 3 pins pydantic below the version Kohtaamo runs on, so the baseline cannot share
Kohtaamo's environment; it gets its own, made on first use from PyPI and reused afterwards.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv-aiogram"
PYTHON = VENV / "bin" / "python"
REQUIREMENT = "aiogram>=3.20,<4"


def ensure() -> tuple[Path | None, str]:
    """The interpreter that has aiogram, or None and the reason it could not be made."""
    stamp = VENV / ".installed"
    if stamp.exists() and PYTHON.exists():
        return PYTHON, ""
    try:
        subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True, capture_output=True)
        subprocess.run(
            [str(PYTHON), "-m", "pip", "install", "-q", REQUIREMENT],
            check=True,
            capture_output=True,
            timeout=600,
        )
    except (OSError, subprocess.SubprocessError) as exc:
        detail = getattr(exc, "stderr", b"") or b""
        reason = detail.decode(errors="replace").strip().splitlines()[-1:] or [str(exc)]
        return None, reason[0]
    stamp.touch()
    return PYTHON, ""


def version() -> str:
    found = subprocess.run(
        [str(PYTHON), "-c", "import aiogram; print(aiogram.__version__)"],
        capture_output=True,
        text=True,
        check=False,
    )
    return found.stdout.strip() or "?"
