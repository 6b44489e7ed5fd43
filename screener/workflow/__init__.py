"""The hiring team's workflow on top of the store: possible duplicates, reviewers' scorecards, the ranking with
decisions and its exports, the one-page candidate summary, and whether a ranking is still current."""
