"""`make bench`: a national-scale dataset and a harness that measures pages against it.

- `bench.dataset` generates the data (one generator per domain; `python -m bench.dataset`);
  `bench.plan` holds its sizes, templates and names (`bench.cases` those of the cases and
  assessments, `bench.participation` those of the consultations, written by
  `bench.participation_writer`), `bench.inventory` reads it back (the ids the pages need, row
  counts).
- `bench.session` makes a signed-in session for the bench user (`python -m bench.session`).
- `bench.pages` lists the pages that are measured, and the exports (DOCX, PDF) that are timed.
- `bench.run` puts it together (`python -m bench.run`): `bench.databases` creates and drops the
  database of each scale and keeps each generated dataset for later runs of the same version,
  `bench.server` starts and stops gunicorn, `bench.measure` is the HTTP
  client, `bench.report` prints the tables and writes the JSON. `bench.common` is shared.
  `docs/performance.md` explains it.
- `bench.load` is the load test of the children's page (PostgreSQL only), with
  `bench.submissions` (form parsing, accounting); `bench.two_nodes` runs it on two gunicorn
  nodes sharing PostgreSQL and a Redis cache; `bench.weight` weighs a page with its assets.
- `bench.summary` folds several result files into the medians quoted in the docs.
"""
