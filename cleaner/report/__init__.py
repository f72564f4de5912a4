"""Ways to show results to people and tools.

lines (check's text lines), diff + terminal (unified diffs, word-level, coloured),
formats + sarif (json, GitHub annotations, SARIF 2.1.0), and the HTML report:
worddiff (spans from the change log), markup, html, index and site (the folder).
"""
