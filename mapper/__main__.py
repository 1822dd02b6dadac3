"""``python -m mapper`` runs the ``conflictmap`` command line."""

from mapper.cli.commands import main

if __name__ == "__main__":
    raise SystemExit(main())
