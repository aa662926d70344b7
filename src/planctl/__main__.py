"""`python -m planctl` runs the command line."""

from planctl.entry import main

main()
