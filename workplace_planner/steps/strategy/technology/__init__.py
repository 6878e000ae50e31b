"""Step 1, technology perspective: workshops, the current-situation inventory, the ambition, the
roadmap of changes and the governance workshop."""
