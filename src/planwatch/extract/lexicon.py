"""The words of Chinese plan language the grammar is built from, by what they signal.

Every list states a general pattern of how plans phrase targets; tests/extract has sentences
of its own for each. All entries are in simplified characters: the grammar reads a
simplified copy of the text (see script.py).
"""

from __future__ import annotations

import re

from .numerals import ARABIC_NUMBER, CHINESE_NUMBER
from .structure import YEAR

PEOPLE_NOUN_TEXT = (
    "(?:中小学生|学生|儿童|青少年|老年人|老人|居民|群众|农民工|农民|职工|劳动力|人口|人员|游客|患者|妇女)")
MAGNITUDE = "(?:万亿|千亿|百亿|亿|千万|百万|万|千)?"
MONEY_UNITS = ("元人民币", "美元", "欧元", "元")
# A unit as plans write it; the longest spellings come first so 个百分点 wins over 个.
UNIT = (
    r"(?:%|‰|个百分点|百分点|倍"
    r"|微克/立方米|毫克/立方米"
    rf"|{MAGNITUDE}(?:元人民币|美元|欧元|元|人次|平方公里|平方千米|平方米|立方米|公顷|亩|公里|千米|吨标准煤|吨|公斤|斤"
    r"|标箱|千瓦时|千瓦|兆瓦时|兆瓦|吉瓦|米(?!饭))"
    r"|万?(?:年(?!\d)|岁)"
    rf"|{MAGNITUDE}人(?![民大才工力])"
    rf"|{MAGNITUDE}(?P<about>余|多)?(?:个(?!人|体|性|别)|所(?!有|以|属|在|得|需)|家(?!庭)|条(?!件|例|线)|处(?!理|置|于)"
    r"|座|套|户|件|项(?!目)|名(?!单|称|字|额)|例|辆|台|张|间|栋|棵|株|只|位(?!于|置)"
    r"|场次|场(?!所|景|馆)|种|床|艘|架|支|册|篇|头|宗|部(?!门|分|署|长))"
    # People without a classifier (200万中小学生, 人口达到80万): the grammar makes it 万人.
    rf"|[万亿](?=[\u4e00-\u9fff]{{0,3}}?{PEOPLE_NOUN_TEXT}|(?:以上|以下|左右)?\s*(?:[,;。]|$)))"
)
# Densities keep their denominator: 路网密度507公里/万平方公里.
PER_AREA = "(?:/(?:万|千|百)?(?:平方公里|平方千米|平方米|公顷|亩))"
NUMBER = f"(?:{ARABIC_NUMBER}|{CHINESE_NUMBER})"
MENTION = re.compile(
    rf"(?P<num>{NUMBER})(?:(?P<sep>至|到|-|~|—)(?P<num2>{NUMBER}))?(?P<unit>{UNIT}{PER_AREA}?)"
    rf"(?:(?:至|到|-|~|—)(?P<num3>{ARABIC_NUMBER})(?P=unit))?"
    r"(?P<post>以上|以内|以下|左右|多|余)?"
    r"|(?P<numerator>\d+)/(?P<denominator>\d+)(?![\d/])(?P<fpost>以上|左右)?"
    rf"|(?P<cden>{CHINESE_NUMBER})分之(?P<cnum>{CHINESE_NUMBER})"
    # A ratio to one: 收入比控制在2.2∶1以内.
    r"|(?P<ratio>\d+(?:\.\d+)?)[∶:]1(?![\d.:∶])(?P<rpost>以内|以下|左右)?"
)

PERCENT_UNITS = ("%", "‰")
BULK_UNITS = ("吨", "标箱", "千瓦时", "千瓦", "兆瓦时", "兆瓦", "吉瓦", "吨标准煤", "公斤", "斤", "立方米")
POINT_UNITS = ("个百分点", "百分点")
DURATION_UNITS = ("年", "岁", "万年", "万岁")
DURATION_NOUNS = re.compile("年限|寿命|年龄|工龄|期限|学制")
# Things counted with a classifier (所, 个 …) or people; a count of work done when a count
# verb governs them, otherwise a level reached (高新技术企业达到4000家).
COUNTABLE_TAIL = re.compile(
    "(?:个|所|家|条|处|座|套|户|件|项|名|例|辆|台|张|间|栋|棵|株|只|位|场|种|床|艘|架|支|册|篇|头|宗|部"
    "|场次|人次|人)$")

# Words that close a clause: comparators and hedges apply within their clause only.
CLAUSE_BREAK = re.compile(r"[,;。!?:|]|\s+|(?<=—)—")
SENTENCE_BREAK = re.compile(r"[;。!?|]")

# Hedges that set a floor for every figure after them in their clause.
FLOOR_HEDGE = re.compile("力争|确保|冲刺|力求|至少")
APPROX_BEFORE = re.compile("(?:约|大约|近|接近|将近|约为)$")
FLOOR_BEFORE = re.compile("(?:超|逾|超过)$")

# Predicate words between an indicator and its figure, stripped from the indicator's end.
GREATER_WORDS = ("不少于", "不低于", "突破", "超过", "超出", "超", "达到", "达", "增加到", "增加至",
                 "增至", "提高到", "提高至", "提升到", "提升至", "上升到", "上升至", "扩大到",
                 "扩大至", "进入", "迈上", "迈入", "跨上", "至少", "稳定达到", "力争达到")
LESS_WORDS = ("不超过", "不高于", "低于", "控制在", "降低到", "降低至", "下降到", "下降至", "降到",
              "降至", "压减到", "压减至", "减少到", "减少至", "压缩到", "压缩至", "控制到", "缩小到", "缩小至",
              "缩减到", "缩减至")
REACH_WORDS = ("达到", "达", "稳定达到")
# Quantities where less is better: 达到 a level of these is a ceiling.
LOWER_IS_BETTER = re.compile("能耗|排放|失业率|死亡率|发生率|浓度|事故|污染|负债率|赤字|用水量|亡人")
APPROX_WORDS = ("约", "大约", "近", "接近", "将近")
GROWTH_WORDS = ("年均增长", "年均增速", "年均递增", "年均提高", "平均增长", "增长率", "增长",
                "递增", "增速", "增幅", "涨幅", "上涨")
DECREASE_WORDS = ("年均下降", "年均降低", "下降", "降低", "减少", "压减", "降幅", "回落")
RISE_WORDS = ("提高", "提升")
NEUTRAL_WORDS = ("实现", "完成", "累计", "总计", "合计", "共计",
                 "保持在", "稳定在", "维持在", "保持", "稳定", "为", "是", "占比", "占", "在", "分别",
                 "均", "全部", "都", "每年", "的", "形成", "按照", "五年",
                 # adverbs between an indicator and its predicate: 地区生产总值将达到, 同比增长
                 "将", "要", "同比", "同口径", "可比", "实际", "增加", "各", "继续", "持续", "进一步")
PREDICATE_WORDS = tuple(sorted(
    set(GREATER_WORDS + LESS_WORDS + APPROX_WORDS + GROWTH_WORDS + DECREASE_WORDS + RISE_WORDS
        + NEUTRAL_WORDS), key=len, reverse=True))
SHARE_OF = re.compile("占(?:全[国省市区县镇]|全社会|本[市区县])?$")

# Words before the indicator that are not part of it.
LEADING_FILLER = re.compile(
    r"(?:\d{1,2}月(?:底|末)?(?:前|以前|之前)|年底前|年内|每年|累计|[“\"]?十[一二三四五六七]五[”\"]?(?:期间|时期|末|内)?"
    r"|\d{1,2}[.、](?!\d)|[一二三四五六七八九十]+[、是]|\([一二三四五六七八九十\d]+\)|[—–-]{2}|[●■◆▲•▪○◎★☆]"
    r"|其中|同时|并且|并|全年|今年|明年|年内|五年内|今后五年|未来五年|力争|争取|确保|努力|力求|全力|计划|"
    r"预计|预期|要|将|再|还|也|完成|"
    r"继续|进一步|持续|实现|使|推动|促进|总体来说|主要预期目标是|目标是|具体包括|以及|和|及|、|:|“|\"|\s)+")
# A lead verb inside the context: the indicator starts after its last occurrence.
LEAD_VERB = re.compile("实现|预计|力争|确保|争取|努力|推动|促进|主要预期目标是|目标是|按照")

# Verbs of work that turn a counted figure into a count target (新建8所学校, 改造27个小区).
COUNT_VERB = re.compile(
    "新增|新建|新开工|新开|新创|新改建|新培育|创成|创建|争创|改扩建|改建|扩建|建设|建成(?!区[^级县])|完成|实施|"
    "开展|开办|开放|开通|打造|培育|启动|加装|安装|筹集|注销|打通|优化调整|提供|布局|引进|招引|谋划|"
    "推进|释放|挂牌|出让|修复|涉及|设置|容纳|占地|建筑面积|改造|整治|治理|提升|认定|培训|救助|"
    "配备|配置|配建|竣工|启用|招聘|筛查|养护|布建|布设|增配|拆除|回迁|"
    "发放|植树|造林|铺设|硬化|设立|组建|举办|签约|落位|开复工|开工|投用|建立|安置|帮扶|增设|"
    "新装|更新|新植|种植|招募|吸纳")
# Specifications of a planned facility (占地面积7.65万平方米, 设置60个教学班): counts.
SPECIFICATION = re.compile("占地|建筑面积|总面积|设置|容纳|涉及|总投资|投资")
# People counted without a classifier: 200万中小学生 → 万人.
PEOPLE_NOUN = re.compile(PEOPLE_NOUN_TEXT)
PEOPLE_AFTER = re.compile(f"[\u4e00-\u9fff]{{0,3}}?{PEOPLE_NOUN_TEXT}")

# A figure that names a category instead of a target: 20亿元企业, 亿元以上项目.
THRESHOLD_NOUN = re.compile(
    "^(?:规模)?(?:以上|以下)?的?(?:企业|项目|工程|产业|园区|集群|级|平台|景区|龙头|楼宇|总部|"
    "纳税|税收|大户|客户)")
THRESHOLD_BEFORE = re.compile("(?:高于|低于|超过|不足|达到|达|在|年满|满)$")
# Counts of a list itself: 10件40项民生实事, 等4项工程, 六个方面.
LIST_NOUN = re.compile("^(?:[省市区县镇]?政府|[省市区县镇]级)?(?:重点)?(?:民生)?(?:实事|工程|工作|任务|方面|措施|举措|行动|大事|类|项目|部署)")
LIST_BEFORE = re.compile("(?:共有|共|等|包括|涵盖|分为|计|分)$")
# The list named before its count: 实施重点民生实事18件.
LIST_NAMED_BEFORE = re.compile("(?:民生实事|实事项目|实事)$")
LIST_UNITS = ("件", "项", "类")
LIST_PAIR_BEFORE = re.compile(r"\d(?:[件项类个]|方面)$")
# Session and meeting numbers: 三次会议.
MEETING_AFTER = re.compile("^(?:会议|全会|全体会议|党代会|人代会)")

# Figures of the past: achievements, progress, and year-on-year statistics.
PAST_MARKER = re.compile(
    "截至|截止|去年|过去|回顾|已经|已完成|已建成|已实现|已达到|已累计|已开工|"
    "预计全年完成|预计完成|完成了|实现了|达到了|五年来|近年来|以来")
# Year-on-year wording reports the past (比上年增长5.2%) unless the sentence sets a target
# (预期目标: 地区生产总值比上年增长6%左右).
YEAR_ON_YEAR = re.compile("比上年|较上年|同比|上年")
TARGET_CUE = re.compile("预期|目标|力争|计划|确保|争取|将|要|左右")
# A sentence that turns from a review of the past to what is planned.
LOOKING_AHEAD = re.compile(rf"预期|目标|力争|计划|确保|争取|今年|明年|今后|未来|(?:到|至){YEAR}年")

# Relative targets without a number.
RELATIVE_ABOVE = re.compile(
    r"(?P<cmp>高于|快于|超过|好于|优于|领先于|领先|跑赢)(?P<bench>[^,;。:“”]{0,16}?)(?:的)?"
    r"(?P<tail>平均水平|平均增速|平均|水平|增长|增速|增幅)(?!水平|增速)(?!\s*(?:\d|[一二两三四五六七八九十]+个?百分点))")
# 农村居民收入增速快于城镇居民: faster than a benchmark named to the clause's end.
RELATIVE_FASTER = re.compile(r"(?P<cmp>快于)(?P<bench>[^,;。:“”]{1,12})(?=[,;。]|$)")
RELATIVE_KEEP = re.compile(
    r"(?:保持在|保持|稳定在|达到|不低于)(?P<bench>全国|全省|全市|全区|全县|全州|全镇|全旗|[^,;。:]{1,6}?)"
    r"(?:的)?(?:平均)?水平(?:以上|之上)")
RELATIVE_SYNC = re.compile(
    r"(?:与|和|同)(?P<bench>[^,;。:与和]{1,16}?)(?:基本|总体|大体)?(?:保持)?同步(?:增长|提高|提升)?(?=[,;。:]|$)")
PLACE_WORDS = re.compile("^(?:全国|全省|全市|全区|全县|全州|全镇|全旗|本市|本省|本区|本县)")
BENCHMARK_TAIL = re.compile("(?:的)?(?:平均水平|平均增速|平均|水平|增速|增幅|增长)$")
RELATIVE_BEFORE = re.compile(r"(?:高于|快于|超过|超出|好于|优于|领先)(?P<bench>[^,;。:]*)$")

MULTIPLE = re.compile(r"(?P<both>双)?倍增(?!计划|行动|工程)|翻(?:了)?(?P<times>[一两二三四])?番|翻倍")
ZERO = re.compile(
    r"(?:动态)?清零|全部消除|全面消除"
    r"|“零(?P<quoted>[^”]{1,4})”"
    r"|(?<=实现|确保|做到|保持)零(?P<bare>[\u4e00-\u9fff]{1,3}?)(?=[,;。:]|$)")
NOT_ZERO = re.compile("^(?:突破|距离|增长|容忍|就业|基础|起步|门槛)")
SCALE_LABEL = re.compile(r"(?P<magnitude>万亿|千亿|百亿)(?:元)?级(?P<post>以上)?")
SCALE_VALUES = {"万亿": 10000.0, "千亿": 1000.0, "百亿": 100.0}
RANK = re.compile(
    rf"(?:进入|挺进|跻身|保持|位居|稳居|位列|迈入|晋位|跃居|争创|保持在)(?P<scope>[^,;。:“”]{{0,12}}?)"
    rf"前(?P<n>{NUMBER})(?:名|位|强)?")

# What introduces a goal quoted from another body: 会议提出的“…”, 市委确定的“…”.
ATTRIBUTION = re.compile("(?:提出|确定|部署|明确|作出|制定)的$")

# Years in a clause: a deadline (到2025年), a base (较2020年) or a past statement (2020年完成).
YEAR_TEXT = YEAR
YEAR_PHRASE = re.compile(
    rf"(?P<base>较|比|相比|与|相对)?(?P<lead>到|至|在|于|力争|争取|确保|计划|预计)?"
    rf"(?P<year>{YEAR_TEXT})年(?P<suffix>底|末|前|以前|之前|内)?(?!\d{{1,2}}月|\d|[-—~至])")
# A period of years: 2020年至2024年间, 2021—2025年.
YEAR_SPAN = re.compile(rf"{YEAR_TEXT}年?\s*[-—–~至到]\s*(?P<last>{YEAR_TEXT})年")
# Deadlines listed together: 2025年和2035年, 2025年、2030年底.
YEAR_LIST = re.compile(rf"{YEAR_TEXT}年(?:底|末)?(?:(?:和|与|及|、)(?:到|至)?{YEAR_TEXT}年(?:底|末)?)+")
YEAR_IN_LIST = re.compile(rf"({YEAR_TEXT})年")
# 年内 is this year's, but 五年内 is a period's.
THIS_YEAR = re.compile("今年|全年|本年度|本年|(?<![两二三四五六七八九十\\d])年内")
NEXT_YEAR = re.compile("明年")
DEADLINE_LEADS = ("到", "至", "力争", "争取", "确保", "计划", "于")
FESTIVAL_DEADLINE = re.compile(r"[“\"]?(?P<festival>五一|国庆|十一|端午|中秋)[”\"]?(?:节)?(?:前|之前|以前)")
FESTIVAL_DATES = {"五一": (4, 30), "国庆": (9, 30), "十一": (9, 30), "端午": (5, 31), "中秋": (8, 31)}
MONTH_DEADLINE = re.compile(
    r"(?P<month>1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])月(?:底|末|份)?(?:前|以前|之前)")
HALF_YEAR_DEADLINE = re.compile("上半年|年底前|年末前")
