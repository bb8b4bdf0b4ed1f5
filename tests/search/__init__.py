"""Tests of the devconcepts-search plugin, its query normaliser and the search benchmark."""
