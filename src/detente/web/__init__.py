"""The read-only web dashboard and JSON API of ``detente serve`` (standard library HTTP server)."""

from __future__ import annotations

from .api import Api, ApiError
from .server import make_server

__all__ = ["Api", "ApiError", "make_server"]
