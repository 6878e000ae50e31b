"""Programmes (transformation trajectories) and their seven-step × three-perspective progress."""
