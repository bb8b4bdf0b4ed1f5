"""devconcepts-csp: every page carries its own Content-Security-Policy."""
