"""The site's build-time Python: load, validate and render the history data,
and finish the pages (one stylesheet, HTML touches, citation, security policy).

Plain Python with no MkDocs import, so the site can move to another engine
at the cost of the glue alone: `mkdocs_hooks.py` and `page_hooks.py`.
"""
