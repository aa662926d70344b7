"""Exit checks: does the schedule get every person, village and county out by the promised year?

`criteria` holds the reference data (national exit mechanism, provincial rules, poverty lines)
with their sources; `simulate` builds the year-by-year table; `verdicts` judges each criterion
as pass, fail or not evaluable, with the numbers behind it.
"""
