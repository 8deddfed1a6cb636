"""Pipeline stages: each module holds one stage, a function from the document so far
(`records.Analysis`) to its additions (a dict of Analysis fields)."""
