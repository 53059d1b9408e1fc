"""Answers computed from the dataset: compliance, gaps, cost to target, burden, revisions.

Every function returns a pandas DataFrame whose ``attrs`` carry the edition(s) and assumptions
the numbers rest on, so that a printed figure can be traced back.
"""
