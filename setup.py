"""The C reader, the one part of the build pyproject.toml cannot declare in a stable form.

Optional: without a compiler or libyaml's headers (Debian: libyaml-dev) the build says why (in
`pip install -v` output) and goes on, and planctl reads every plan with its Python reader, with
the same results more slowly (docs/performance.md).
"""

from setuptools import Extension, setup

setup(
    ext_modules=[
        Extension(
            "planctl.loader._native",
            ["src/planctl/loader/_native.c"],
            libraries=["yaml"],
            optional=True,
        )
    ]
)
