"""The layered interactive map (Folium / Leaflet) and its screenshot."""
