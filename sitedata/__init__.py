"""The site's data layer: load, validate and render the history data.

Plain Python with no MkDocs import, so the site can move to another engine
at the cost of `mkdocs_hooks.py` alone.
"""
