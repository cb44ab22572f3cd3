"""The progress dashboard of a province: cached figures, charts and the
invalidation that keeps them fresh. Views live in reporting/views_dashboard.py.
"""
