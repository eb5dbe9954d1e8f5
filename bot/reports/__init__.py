"""Knowledge for the welfare team: k-anonymous aggregates, charts, phenomena and plans.

- `anonymity`, `aggregate`, `phenomena`, `trend`, `period`: pure code over plain rows;
- `data`: the only reader of the check-in, cue and concern tables (numbers and declared option
  ids only — never text a student wrote);
- `render` (chat summary, CSV) and `charts` (PNG; matplotlib is imported inside its functions,
  only when a chart is drawn);
- the use cases over them (the report, the phenomenon watch and the plan dialog) are in
  `bot/services/reports/`: this package imports no use case.
"""
