"""Review cards: every self-check question and every comparison row of the
topic pages, scheduled on the review page of each language and exported as
an Anki deck."""
