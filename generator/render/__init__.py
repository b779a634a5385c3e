"""Render: turn the enriched catalogue into Markdown pages and data files, as {path: text}."""
