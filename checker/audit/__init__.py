"""Bulk audits of folders and SharePoint libraries into a database (docs/audit.md): the store, the
sources, the run (a local check pool or a Dask cluster, one writer), and what the scorecards read."""
