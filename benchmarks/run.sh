#!/usr/bin/env bash
# Benchmarks, from a fresh clone, in one command: bash benchmarks/run.sh [--repeat N] [--skip-slow]
# Makes benchmarks/.venv (planctl as installed by users, yamllint, check-jsonschema), writes the
# synthetic plans into benchmarks/data/ (both git-ignored), then times every tool on them.
# Takes about ten minutes on two cores; --skip-slow leaves out the two slowest runs.
set -euo pipefail
cd "$(dirname "$0")/.."

venv=benchmarks/.venv
unset PYTHONDONTWRITEBYTECODE  # start-up times assume compiled modules, as installed
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
  "$venv/bin/python" -m pip install --quiet --upgrade pip
fi
# A regular (not editable) install of the working tree: what a user runs.
"$venv/bin/python" -m pip install --quiet --upgrade --force-reinstall --no-deps .
"$venv/bin/python" -m pip install --quiet . yamllint check-jsonschema

"$venv/bin/python" benchmarks/generate.py
echo "nproc: $(nproc 2>/dev/null || echo '?'); $("$venv/bin/python" --version)"
"$venv/bin/python" benchmarks/run.py "$@"
