"""Ways to show results to people and tools: lines, diffs, (later) HTML and SARIF."""
