"""The local dashboard and JSON API (FastAPI); every page has a JSON twin."""
