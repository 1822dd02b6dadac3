"""Events to artefacts: the web map, GIS files, the briefing deck."""
