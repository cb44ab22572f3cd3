"""Report runs: filled by the reporting issue."""
