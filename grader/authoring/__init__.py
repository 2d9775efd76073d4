"""Authoring: what instructors use to build a course: releases, stubs, notebooks,
mutants, validate, scaffolding, importers, the demo class, CI templates, the
student build. The grading runtime never imports this package."""
