"""Step 1, organisation perspective: the multi-year budget and business case."""
