"""Run the CLI as `python -m faultlines`."""

from faultlines.cli import main

main()
