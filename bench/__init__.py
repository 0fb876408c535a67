"""`make bench`: a national-scale dataset and a harness that measures pages against it.

- `bench.dataset` generates the data (one generator per domain; `python -m bench.dataset`).
- `bench.session` makes a signed-in session for the bench user (`python -m bench.session`).
- `bench.pages` lists the pages that are measured.
- `bench.run` puts it together (`python -m bench.run`); `docs/performance.md` explains it.
- `bench.summary` folds several result files into the medians quoted in the docs.
"""
