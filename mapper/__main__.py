"""``python -m mapper`` runs the ``conflictmap`` command line."""

from mapper.cli import main

raise SystemExit(main())
