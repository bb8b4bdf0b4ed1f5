"""The term list (`term_list`) and where its terms are mentioned in running
text (`matching`): read by the glossary, the search aliases and the checks of
avoided variants. Imports only `devconcepts.core`."""
