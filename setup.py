"""Packaging glue that pyproject.toml cannot express: the top-level ``templates/`` folder is
shipped inside the package as ``workplace_planner/templates`` (see ``app.templates_dir``)."""

from setuptools import find_packages, setup

setup(
    packages=find_packages(include=["workplace_planner", "workplace_planner.*"])
    + ["workplace_planner.templates"],
    package_dir={"workplace_planner.templates": "templates"},
    package_data={"workplace_planner.templates": ["*.html", "**/*.html"]},
)
