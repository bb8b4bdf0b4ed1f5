"""Print support: the print-only source line of every page and the
whole-book print page of each language (`devconcepts-print` plugin)."""
