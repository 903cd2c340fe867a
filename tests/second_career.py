"""A second, deliberately small career data set: nothing in the code knows about it."""

SECOND_CAREER = """
schema_version = 1

[career]
id = "data-engineer"
title = "Data Engineer"
summary = "Builds the pipelines that move and shape data."
currency = "EUR"

[[sources]]
id = "handbook"
title = "A handbook written for the tests"

[pay]
national_average = "all-workers"

[[pay.levels]]
id = "starting"
label = "Starting"
rung = "associate"
rung_reason = "The survey names its starting level after the associate rung."

[[pay.levels]]
id = "everyone"
label = "All workers"

[[pay.figures]]
id = "starting-pay"
level = "starting"
amount = 50000
currency = "EUR"
measure = "Starting pay"
publisher = "Test Bureau"
as_of = "2026-01"
source = "handbook"
quote = "Starting pay is 50,000 EUR."

[[pay.figures]]
id = "all-workers"
level = "everyone"
amount = 40000
currency = "EUR"
measure = "Average pay, all workers"
source = "handbook"
quote = "All workers earn 40,000 EUR on average."

[[ladder]]
id = "associate"
title = "Associate Data Engineer"
description = "Maintains pipelines [bold]under guidance[/bold]."
source = "handbook"

[[ladder]]
id = "principal"
title = "Principal Data Engineer"
description = "Sets the data architecture."
source = "handbook"

[[skill_groups]]
id = "core"
title = "Core skills"
source = "handbook"
roadmap = true

[[skill_groups.skills]]
id = "sql"
name = "SQL"
tools = ["Postgres"]

[[skill_groups.skills]]
id = "orchestration"
name = "Orchestration"
tools = ["Airflow"]
"""
