"""Speed and safety helpers kept behind small interfaces (regex prefilters, GC pauses, atomic writes)."""
