"""Step 1, technology perspective: the security risk assessment of the roadmap's changes."""
