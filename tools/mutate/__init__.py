"""``make mutate``: mutation testing for infoview, one module at a time.

A mutant is one small change to one module (a flipped comparison, ``and`` for ``or``, an
off-by-one number, a deleted statement, a dropped regex alternative...). For each mutant the
tests that run the changed line (per-test coverage, collected once) run against a copy of
the project with that change; a mutant that no test fails on "survived": the tests do not
prove what the code there does. See ``python -m tools.mutate --help`` and the README.

- ``mutants.py``: generating mutants from the AST (pure: source in, mutants out), with
  ``walker.py`` proposing each change and ``describe.py`` writing it down.
- ``regex.py``: the alternatives of a regular expression, for "drop one alternative".
- ``collect.py``: the once-per-tree coverage run that maps each line to the tests running it.
- ``users.py``: which modules read a module's names (its imports, read with ``ast``), so
  a module-level mutant also runs the tests of the modules using the value it changes.
- ``select.py``: the pytest plugin that keeps exactly the chosen tests in a mutant run.
- ``run.py``: project copies (sandboxes), parallel mutant runs with timeouts.
- ``equivalent.py`` + ``equivalent.toml``: mutants left out because they cannot change
  behaviour, each with its reason.
- ``__main__.py``: the command line and the report.
"""
