"""The closed vocabularies every part of planwatch shares: kinds, comparators, directions."""

from enum import StrEnum


class Kind(StrEnum):
    """What sort of commitment a target is; decides how its progress is measured."""

    LEVEL = "level"  # a stock or amount to reach: GDP ≥ 500亿元
    GROWTH = "growth"  # an (average) annual rate of change: 年均增长 6%
    CUMULATIVE = "cumulative"  # a sum over the period: 固定资产投资累计 600亿元
    COUNT = "count"  # things to build or do: 新建 8 所学校
    MULTIPLE = "multiple"  # a multiple of the base: 翻番
    RELATIVE = "relative"  # a gap to a benchmark: 高于全市平均 2 个百分点
    ZERO = "zero"  # clear to zero and keep there: 动态清零
    SHARE = "share"  # a rate or share level on a linear path: 绿化率 38%
    BOUND_EACH_YEAR = "bound_each_year"  # a ceiling or floor kept every year: 失业率 4% 以内
    MILESTONE = "milestone"  # a qualitative commitment: 建成…中心
    DIRECTION_ONLY = "direction_only"  # a direction without a number: 持续提升


class Comparator(StrEnum):
    GE = ">="
    LE = "<="
    EQ = "="
    GT = ">"
    LT = "<"
    APPROX = "~"

    @property
    def direction(self) -> "Direction | None":
        """The direction a comparator itself implies; None where only the indicator can say."""
        if self in (Comparator.GE, Comparator.GT):
            return Direction.HIGHER
        if self in (Comparator.LE, Comparator.LT):
            return Direction.LOWER
        return None


class Direction(StrEnum):
    """Which way is good for an indicator."""

    HIGHER = "higher"
    LOWER = "lower"

    @property
    def sign(self) -> int:
        return 1 if self is Direction.HIGHER else -1


class Attribute(StrEnum):
    """约束性 (binding: the government must secure it) or 预期性 (expected, guidance)."""

    BINDING = "约束性"
    EXPECTED = "预期性"


class Scope(StrEnum):
    """Over which years a target must hold."""

    END_YEAR = "end_year"
    EACH_YEAR = "each_year"
    PERIOD_AVERAGE = "period_average"


class PathShape(StrEnum):
    """The shape of the target path (序时进度) between the base and the deadline."""

    LINEAR = "linear"
    GEOMETRIC = "geometric"
    CUSTOM = "custom"


class ObservationKind(StrEnum):
    LEVEL = "level"  # the value of a period (a year's amount, or a stock at period end)
    GROWTH_PCT = "growth_pct"  # year-on-year growth in %
    CUMULATIVE = "cumulative"  # year-to-date cumulative figure
    COUNT = "count"  # number of items completed in the period


class Provenance(StrEnum):
    OFFICIAL = "official"  # published by a statistics bureau or government
    ESTIMATE = "estimate"  # a work-report estimate or a secondary source
    ILLUSTRATIVE = "illustrative"  # generated for demonstration: never a real figure


class Frequency(StrEnum):
    MONTHLY = "monthly"
    QUARTERLY = "quarterly"
    HALF_YEARLY = "half_yearly"
    ANNUAL = "annual"


class ProjectStage(StrEnum):
    """The stages an investment project moves through, in order."""

    PLANNING = "谋划"
    SIGNED = "签约"
    SITED = "落位"
    STARTED = "开工"
    IN_STATISTICS = "入统"
    COMPLETED = "竣工"
    PRODUCING = "投产"

    @property
    def order(self) -> int:
        return list(ProjectStage).index(self)


class TaskStatus(StrEnum):
    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    DELAYED = "delayed"
