"""The column sets of the event datasets analysts exchange with us, as their codebooks order them:
ACLED's export and UCDP's Georeferenced Event Dataset (GED). The loaders read files in them and the
writers write them (``mapper/model/loaders/foreign.py``, ``mapper/render/export/csv_acled.py`` and
``csv_ged.py``)::

    >>> ACLED_COLUMNS[:3], GED_COLUMNS[-2:]
    (('event_id_cnty', 'event_date', 'year'), ('gwnoa', 'gwnob'))
"""

from __future__ import annotations

__all__ = ["ACLED_COLUMNS", "GED_COLUMNS"]

#: ACLED's export columns, in the order of ACLED's codebook (2024).
ACLED_COLUMNS = ("event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
                 "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
                 "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
                 "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
                 "fatalities", "tags", "timestamp")
#: UCDP GED's columns (version 23.1 and later), in the codebook's order.
GED_COLUMNS = ("id", "relid", "year", "active_year", "code_status", "type_of_violence", "conflict_dset_id",
               "conflict_new_id", "conflict_name", "dyad_dset_id", "dyad_new_id", "dyad_name", "side_a_dset_id",
               "side_a_new_id", "side_a", "side_b_dset_id", "side_b_new_id", "side_b", "number_of_sources",
               "source_article", "source_office", "source_date", "source_headline", "source_original",
               "where_prec", "where_coordinates", "where_description", "adm_1", "adm_2", "latitude", "longitude",
               "geom_wkt", "priogrid_gid", "country", "country_id", "region", "event_clarity", "date_prec",
               "date_start", "date_end", "deaths_a", "deaths_b", "deaths_civilians", "deaths_unknown", "best",
               "high", "low", "gwnoa", "gwnob")
