"""The event record and its codecs (dict, JSON lines, GeoJSON, GeoDataFrame)."""
