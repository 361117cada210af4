"""Fixtures for the view and web tests: a real store coded from examples/ (real spaCy, real DuckDB)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"

# An article of ours whose text carries markup that must never reach a page as markup.
HOSTILE = """# Envoys meet <script>alert("xss")</script> in Geneva

Published: March 3, 2023

GENEVA, March 3 — US Secretary of State Antony Blinken met Chinese Foreign Minister Qin Gang in Geneva \
on Friday <script>alert("xss")</script> "><img src=x onerror=alert(1)> and the two sides discussed trade.
"""


def build_store(db: Path, paths: list[Path]) -> None:
    """Ingest ``paths`` into a new store at ``db`` the way ``detente ingest`` does (engagements rebuilt)."""
    from detente.ingest import ingest
    from detente.store import open_store

    with open_store(db) as st:
        report = ingest([str(p) for p in paths], st)
    assert not getattr(report, "errors", None), report


@pytest.fixture(scope="session")
def examples_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store holding every example article plus one hostile article (markup in its text)."""
    d = tmp_path_factory.mktemp("store")
    hostile = d / "hostile.md"
    hostile.write_text(HOSTILE, encoding="utf-8")
    db = d / "examples.duckdb"
    build_store(db, [EXAMPLES, hostile])
    return db


@pytest.fixture()
def examples_store(examples_db: Path) -> Iterator[Any]:
    from detente.store import open_store

    with open_store(examples_db, read_only=True) as st:
        yield st


@pytest.fixture(scope="session")
def base_url(examples_db: Path) -> Iterator[str]:
    """A real detente server on 127.0.0.1 (port 0) over the example store, for the session."""
    from detente.store import open_store
    from detente.web import make_server

    st = open_store(examples_db, read_only=True)
    server = make_server(st, "127.0.0.1", 0)
    t = threading.Thread(target=server.serve_forever, daemon=True)
    t.start()
    host, port = server.server_address[:2]
    yield f"http://{host!s}:{port}"
    server.shutdown()
    server.server_close()
    st.close()
