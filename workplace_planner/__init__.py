"""workplace_planner: plan a municipal digital-workplace transformation and its business case.

Importing the package imports nothing else: ``workplace_planner.business_case`` must stay free
of Flask, so ``create_app`` is loaded only when it is asked for.
"""

__all__ = ["create_app"]


def __getattr__(name):
    if name == "create_app":
        from workplace_planner.app import create_app

        return create_app
    raise AttributeError(f"module 'workplace_planner' has no attribute {name!r}")
