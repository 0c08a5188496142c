"""Extras of the laptop distribution (pyproject.toml holds everything else).

`fieldkit[central]` adds the central server, which is a second distribution built from this
checkout's server/ folder (server/pyproject.toml packs fieldkit/central with FastAPI, uvicorn,
SQLAlchemy and prometheus-client). Its location is only known here, at build time, which is
why the extras are not static in pyproject.toml:

    pip install .                 # the laptop: no server modules, no FastAPI/uvicorn/SQLAlchemy
    pip install ".[central]"      # the central server (SQLite and PostgreSQL)
    pip install -e ".[dev]"       # development: tests start a real server from this checkout
"""

from pathlib import Path

from setuptools import setup

HERE = Path(__file__).resolve().parent

# What the server needs besides the laptop's own dependencies (keep in step with server/pyproject.toml).
SERVER_DEPS = [
    "fastapi>=0.110",
    "uvicorn>=0.37",
    "httptools>=0.6",  # uvicorn's HTTP parser when installed (MIT): ~25 % less event-loop CPU per request than h11
    "sqlalchemy>=2.0",
    "prometheus-client>=0.20",
    "psycopg[binary]>=3.1",
    "orjson>=3.9",  # request bodies parsed fast (Apache-2.0 OR MIT; MPL-2.0 parts); optional at run time
    "msgspec>=0.18",  # pushed operations checked in one typed pass (BSD-3-Clause); optional at run time
]

DEV = [
    "pytest>=8.0",
    "pytest-qt>=4.4",
    "pytest-timeout>=2.3",
    "hypothesis>=6.100",
    "pypdf>=4.0",
    "pymupdf>=1.24",
    "zxing-cpp>=2.2",
    "ruff>=0.5",
    "mypy>=1.10",
    "iec62056-21>=0.0.1",
    "gurux-dlms>=1.0.203",  # GPLv2: an independent DLMS meter for tests only, never shipped
    "schemathesis>=3.30",
    "pyinstaller>=6.10",
    "httpx>=0.27",
]

setup(extras_require={
    "central": [f"fieldkit-central @ {(HERE / 'server').as_uri()}", *SERVER_DEPS],
    "postgres": ["psycopg[binary]>=3.1"],
    # an editable checkout imports fieldkit/central from the tree: only the server's libraries are needed
    "dev": DEV + SERVER_DEPS,
})
