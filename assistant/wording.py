"""What a question's words say about what it wants: the operation, a text answer, a change, a count.

Patterns only, shared by the engine and the performance-target answers.
"""
import re


# A name quoted (「“信访业务培训”项目」「“办公楼物业”」): said as printed, its words no other reading's.
QUOTED = re.compile(r"“[^”]*”|「[^」]*」|『[^』]*』|\"[^\"]*\"|《[^》]*》")
# The lines of money carried over (上年结转结余, 上年结余、结转, 年初结转和结余, 上年末): their 上年 is no change asked.
_CARRIED = re.compile(r"(?:上年|年初|以前年度)(?:财政拨款)?(?:结转|结余)(?:[、和]?(?:结余|结转))?|上年末")


def without_carried(q: str) -> str:
    """The question without the names of money carried over from last year (a line of this year's budget)."""
    return _CARRIED.sub("", q)


CHECK = re.compile(r"对不上|不一致|不符|矛盾|核对|自洽|有没有错|前后一致|算得对")
# 「我在核对…：X在哪张表、第几页？数是多少？」: a figure being checked by a person, asked for — not the document's check.
CHECKING_A_FIGURE = re.compile(r"核对.{0,60}?(?:是多少|多少[？?]|数是多少|金额是多少|第几页|哪张表)")
TEXT = re.compile(r"为什么|为何|原因|什么是|是什么意思|什么意思|含义|指什么|指的是|用于|用途|用在|用来|干什么|做什么|"
                   r"职责|负责|主要做|(?<![项科])目的|怎么|如何|哪些工作|什么工作|情况说明|措施|是什么|花在哪|用在哪|主要花|"
                   r"买什么|依据|根据|截止|什么时候|何时|有没有|是否|方面|主要包括什么|归谁|"
                   # 「通过什么方式来保障」: a how asked in other words — the passage that says it, no figure
                   r"通过什么|什么方式|哪种方式|什么途径|什么形式|什么办法|什么手段")
NUMERIC = re.compile(r"多少|几|金额|数额|比例|比重|占比|倍|百分|多大|多高|最多|最少|(?<!安)排|合计|总计|一共|总共")
CHANGE = re.compile(r"比上年|比去年|较上年|较去年|上年|去年|上一年|同比|增减|比20\d{2}(?!\d)|较20\d{2}(?!\d)")  # 比2040502: a subject code, no year
SHARE = re.compile(r"占.{0,16}(比例|比重|百分|%|多少|几成|份额)|比例|比重|占比|百分之|百分比")
MULTIPLE = re.compile(r"几倍|多少倍|倍数")
DIFF = re.compile(r"(多|少|高|低|差)(?:出|安排|花|用|支出|拨)?了?(多少|几)|相差|差额|差距|差多少|差值")
# 「哪一块预算更多」「哪部分花得多」: the part asked by its measure word, as 哪个 is
# 「比上年增加还是减少」「多了还是少了」: which way a figure moved is asked (the change answers it), no comparison
WHICH_WAY = re.compile(r"[增多涨升高加长]了?还是[减少降跌低]|[减少降跌低]了?还是[增多涨升高加长]")
COMPARE = re.compile(r"哪(个|一个|项|一项|种|边|年|块|一块|部分|一部分)?.{0,4}?(多|少|高|低|大|小)|谁.{0,3}(多|少|大)|还是.{0,12}(多|少|大)|(多|大)还是(少|小)")
RANK = re.compile(r"最(多|少|高|低|大|小)|排(名|第|序)|前[二三四五六七八九十]|前(?:[两几]|\d{1,2})(?:名|位|项|个)|第[二三四五]|从高到低|从多到少")
# 「涉及多少项目资金」 asks money (项目资金), not how many 项: a 项 that begins 项目 + a money word counts nothing
COUNT = re.compile(r"(多少|几)(个|项(?!目(?:资金|经费|支出|金额|预算|的钱))|类|张|条|所|辆|台|家|种|款)")
LIST = re.compile(r"哪些|哪几|包括什么|包含什么|有什么|都有啥|分别是|分为")
# 「A、B分别是多少」「各是多少」: each figure named is asked — no list of names, no sum of them
EACH = re.compile(r"(?:分别|各自?)(?:是|为|有|约|大约|花了?|安排了?)?(?:多少|几)")
SUM = re.compile(r"加起来|一共|总共|合计|之和|共计|总和|加在一起|加上|加一起|加到一起|加一块|加总|合起来")
PERF_WORDS = re.compile(r"目标|指标|标准|绩效|满意度|完成率|达标率|覆盖率|合格率|出勤率|及时率|每人|人均|每名|每个|每队|"
                         r"多少人|多少次|多少张|几次|几期|多少期|多少本|多少台次|多少所|多少组|多少平方米")
MIN_PERF_SCORE = 4


_SMALL = dict(zip("两二三四五六七八九十", (2, 2, 3, 4, 5, 6, 7, 8, 9, 10)))


def small_count(word: str) -> int | None:
    """A count as a question says it: 「三」, 「两」, 「10」 → 3, 2, 10; anything else None."""
    return int(word) if word.isdigit() else _SMALL.get(word)
