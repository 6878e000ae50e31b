"""Organisations, users, memberships and roles; login and member management."""
