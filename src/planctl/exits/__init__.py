"""exit-check: does the schedule get every person, village and county out by the promised year?

The criteria are data (`planctl.criteria`), the judgements are rules (`planctl.rules`, PE and
the exit-related PC rules), the timeline is derived once (`planctl.derive.timeline`); `run`
arranges one plan's answers for the command.
"""
