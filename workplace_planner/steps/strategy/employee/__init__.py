"""Step 1, employee perspective: personas from interviews, their catalogues (licence bundles,
device kits), and the adoption framework."""
