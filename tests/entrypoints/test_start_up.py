"""The API process starts without the rendering and parsing libraries: WeasyPrint,
python-docx and pypdf load in the render worker processes only (each costs the API's start
up to a second, and memory it would keep)."""

import json
import os
import subprocess
import sys
from pathlib import Path

WORKER_ONLY = ("weasyprint", "docx", "pypdf")

BUILD = """
import asyncio, json, sys
from domain.ports.exports import DocumentRenderer
from domain.ports.uploads import TextExtractor
from entrypoints.config import Environment, Settings
from entrypoints.server import build_app

settings = Settings(environment=Environment.TEST, database_url=sys.argv[1]).check()
app = build_app(settings, embedded_worker=False)

async def wire() -> None:  # the renderer and the extractor as the export endpoints get them
    container = app.state.dishka_container
    await container.get(DocumentRenderer)
    await container.get(TextExtractor)
    await container.close()

asyncio.run(wire())
print(json.dumps({name: name in sys.modules for name in sys.argv[2:]}))
"""


def test_building_the_served_app_loads_no_rendering_library(tmp_path: Path) -> None:
    root = Path(__file__).parents[2]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(root / "src"), str(root)])}
    result = subprocess.run([sys.executable, "-c", BUILD, f"sqlite:///{tmp_path}/db.sqlite",
                             *WORKER_ONLY], env=env, cwd=tmp_path, capture_output=True,
                            text=True, timeout=120, check=False)

    assert result.returncode == 0, result.stderr
    loaded = json.loads(result.stdout.strip().splitlines()[-1])
    assert loaded == dict.fromkeys(WORKER_ONLY, False)
