"""The benchmark harness (make bench). Not part of the portal."""
