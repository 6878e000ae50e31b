"""Packaging glue that pyproject.toml cannot express: the top-level ``templates/`` folder is
shipped inside the package as ``workplace_planner/templates`` (see ``app.templates_dir``).
Data folders are listed as (namespace) packages too, or setuptools warns that it skips them."""

from pathlib import Path

from setuptools import find_namespace_packages, setup

TEMPLATES = Path(__file__).resolve().parent / "templates"
template_packages = ["workplace_planner.templates"] + sorted(
    "workplace_planner.templates." + ".".join(folder.relative_to(TEMPLATES).parts)
    for folder in TEMPLATES.rglob("*")
    if folder.is_dir()
)

setup(
    packages=find_namespace_packages(
        include=["workplace_planner", "workplace_planner.*"], exclude=["*.__pycache__"]
    )
    + template_packages,
    package_dir={"workplace_planner.templates": "templates"},
)
