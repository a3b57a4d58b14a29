"""Backups of the database and the blob store: one tar archive with a checked manifest."""
