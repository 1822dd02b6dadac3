"""Claims of several reports to events: duplicates merged, every source kept."""
