"""The REST API and the local web UI, served together by ``faultlines serve``."""

from faultlines.web.app import create_app

__all__ = ["create_app"]
