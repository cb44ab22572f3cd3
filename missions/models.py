"""Missions, registrations and results: filled by the missions issue."""
