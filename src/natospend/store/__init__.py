"""The ingest store: many articles, their claims and verdicts, grouped into stories, in SQLite
or PostgreSQL, with migrations."""
