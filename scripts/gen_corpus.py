#!/usr/bin/env python3
"""Write a valid plan-build plan of N items, deterministic for a seed.

    python3 scripts/gen_corpus.py --items 10000 --seed 1 --out bench-out/corpus-10000
    python3 scripts/gen_corpus.py --items 10000 --hugo bench-out/hugo-10000   # also a Hugo site

The plan spans 2027-01-01..2027-12-31 (365 days) with 20 personas, 10 groups,
8 segments and every kind (moments, topics, surprises). Bodies are 400-800
Chinese characters of Markdown with headings, lists, bold and links; one body
in ten has a table. Rule thresholds in plan.yml follow the plan's density (as a
real team would tune them), and a small share of items carry deliberate slips
(warnings and notices, never errors) so that the rules and the warning pages
do real work: `plan-build check` exits 0 without --strict.

Python 3 standard library only.
"""

import argparse
import collections
import hashlib
import datetime
import math
import os
import random
import shutil
import sys

# Bumped whenever the output changes, so that bench.py regenerates its corpora.
VERSION = 3
START = datetime.date(2027, 1, 1)
DAYS = 365

PERSONA_NAMES = [
    "小招", "小影", "小安", "小李", "小周", "小吴", "小郑", "小王", "小冯", "小陈",
    "小褚", "小卫", "小蒋", "小沈", "小韩", "小杨", "小朱", "小秦", "小尤", "小许",
]
IDENTITIES = [
    "马拉松跑者 · 理财顾问", "摄影爱好者 · 财富顾问", "烘焙达人 · 客户经理", "登山队长 · 理财经理",
    "围棋教练 · 客户经理", "宠物博主 · 理财顾问", "书法爱好者 · 财富顾问", "骑行达人 · 客户经理",
    "咖啡师 · 理财经理", "园艺能手 · 客户经理",
]
SEGMENTS = [
    ("payroll", "代发客群", "weak"), ("car", "车主客群", "micro"), ("retiree", "白发客群", "strong"),
    ("newcomer", "新开户客群", "none"), ("merchant", "商户客群", "weak"), ("parent", "亲子客群", "micro"),
    ("student", "校园客群", "none"), ("wealth", "财富客群", "super"),
]
GROUPS = [
    ("runners", "晨跑理财俱乐部"), ("drivers", "车友加油站"), ("photo", "光影摄影社"), ("bakers", "周末烘焙坊"),
    ("hikers", "城郊徒步队"), ("chess", "楼下围棋角"), ("pets", "萌宠互助群"), ("calligraphy", "墨香书法社"),
    ("cyclists", "骑行俱乐部"), ("gardeners", "阳台种菜群"),
]
THEMES = ["professional", "life", "interaction"]  # non-promotional, rotated
FORMATS = ["knowledge", "discussion", "vote", "feedback", "qa", "live", "event"]
TRIGGERS = ["weather", "birthday", "anniversary", "holiday", "milestone", "custom"]
VIAS = ["private-chat", "group", "moments", "offline"]
ACTIONS = [
    "good-image", "small-gift", "praise", "show-expertise", "next-meeting", "emotion-point", "solve-problem",
    "ask-favor", "surprise", "show-vulnerability", "keep-promise", "help-decide", "social-proof", "quick-reply",
    "endorsement", "invite-recognition",
]
STATUSES = ["idea", "draft", "ready", "ready", "published"]
PLAN_BANNED = ["保本", "稳赚", "最低价"]
PERSONA_BANNED = ["必涨", "翻倍"]
DISCLAIMER = "理财有风险，投资需谨慎"

# Sentence material: phrases that never contain a banned word.
SUBJECTS = ["今天", "这周", "早上", "午休时", "下班路上", "周末", "昨晚", "刚才", "最近", "月初"]
OPENERS = [
    "和客户聊到", "在网点遇到一位阿姨问起", "收到不少朋友留言说起", "整理了一下关于", "想和大家分享",
    "有位老朋友专门来问", "群里热烈讨论了", "翻看笔记时想到", "陪家人散步时聊起", "带着问题查了资料，关于",
]
TOPICS = [
    "工资卡的理财安排", "定期存款到期怎么续", "孩子的教育金储备", "养老金的领取时间", "信用卡账单分期",
    "车险续保的小窍门", "手机银行的转账限额", "基金定投的节奏", "家庭应急资金", "房贷提前还款",
    "外币兑换的时机", "个税专项附加扣除", "医保报销的流程", "节日红包的记账", "防范电信诈骗",
]
DETAILS = [
    "先把每月固定支出列清楚，剩下的再分成几份", "别着急做决定，把问题写下来慢慢比较", "最重要的是留足半年的生活费",
    "这件事没有标准答案，适合自己的才是最好的", "很多人忽略了时间的力量，坚持比技巧更重要",
    "遇到陌生来电要求转账，一定先挂断再核实", "长辈操作手机时，陪着一步一步做最安心",
    "把大目标拆成小目标，每个月看一次进度", "和家人商量好再行动，心里会踏实很多", "记账不是为了省钱，而是为了看清钱去了哪里",
    "每一笔支出都值得被认真对待", "慢慢来，比较快，这是跑步教会我的", "天冷了，出门记得多穿一件外套",
    "周末带孩子去公园走走，看看落叶和晚霞", "有问题随时喊我，能帮上的一定帮",
]
CLOSERS = [
    "大家有什么想法，欢迎在评论区告诉我。", "如果你也有类似的经历，留言聊聊吧。", "需要资料的朋友，私信我发给你。",
    "下周我们接着聊这个话题。", "祝大家今天都顺顺利利。", "有不清楚的地方，随时来网点找我。",
]
HEADINGS = ["今日小结", "三个要点", "写在前面", "我的做法", "常见误区", "一点建议", "本周回顾", "实用清单"]
LINK_TEXTS = ["完整说明", "官方指引", "上期回顾", "操作步骤", "活动详情"]
FILE_WORDS = ["晨跑", "午后", "晚安", "分享", "提醒", "答疑", "打卡", "周末", "复盘", "小结", "故事", "清单"]


def is_cjk(ch):
    return "\u4e00" <= ch <= "\u9fff"


def cjk_count(text):
    return sum(1 for ch in text if is_cjk(ch))


def sentence(rng):
    return (rng.choice(SUBJECTS) + rng.choice(OPENERS) + rng.choice(TOPICS) + "，" + rng.choice(DETAILS) + "。")


def body(rng, index, with_table, extra=""):
    """400-800 CJK characters of Markdown: heading, paragraphs, bold, list, link, maybe a table."""
    target = rng.randint(400, 800)
    parts = []
    lead = rng.choice(SUBJECTS) + rng.choice(OPENERS) + rng.choice(TOPICS)
    parts.append("## " + lead)
    parts.append("")
    para = [sentence(rng), "**" + rng.choice(DETAILS) + "**，" + sentence(rng)]
    parts.append("".join(para))
    parts.append("")
    parts.append("### " + rng.choice(HEADINGS))
    parts.append("")
    for n in range(rng.randint(3, 5)):
        parts.append("- " + rng.choice(DETAILS) + "；" + rng.choice(TOPICS) + "要提前准备")
    parts.append("")
    if with_table:
        parts.append("| 项目 | 建议 | 备注 |")
        parts.append("|---|---|---|")
        for n in range(3):
            parts.append("| " + rng.choice(TOPICS) + " | " + rng.choice(DETAILS)[:10] + " | 第" + str(n + 1) + "步 |")
        parts.append("")
    parts.append("详见[" + rng.choice(LINK_TEXTS) + "](https://example.com/plan/" + str(index) + ")。")
    parts.append("")
    text = "\n".join(parts)
    tail = []
    # A unique touch, so that no two bodies are alike unless made so on purpose.
    tail.append("第" + str(index) + "篇：")
    while cjk_count(text) + cjk_count("".join(tail)) < target:
        tail.append(sentence(rng))
    closing = "".join(tail) + "\n\n" + rng.choice(CLOSERS) + "\n"
    if extra:
        closing += "\n" + extra + "\n"
    return text + closing


def yaml_list(values):
    return "[" + ", ".join(values) + "]"


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(text)


class Plan:
    def __init__(self, items, seed, warnings=False):
        self.n = items
        # The day a stricter rule is turned on: thousands of warnings (bench's many-warnings corpus).
        self.warnings = warnings
        self.rng = random.Random(seed)
        self.per_day = items / DAYS
        # Items per persona per day, rounded up: each gets its own time, two hours apart at most.
        self.per_persona_day = max(1, math.ceil(self.per_day / len(PERSONA_NAMES)))
        self.gap = min(120, 780 // max(1, self.per_persona_day - 1)) if self.per_persona_day > 1 else 120

    def personas(self):
        result = []
        for p, name in enumerate(PERSONA_NAMES):
            served = [SEGMENTS[(p + k) % len(SEGMENTS)][0] for k in range(3)]
            owner = p < len(GROUPS)
            result.append({
                "id": "p%02d" % p, "name": name, "identity": IDENTITIES[p % len(IDENTITIES)],
                "segments": served, "owner": owner,
                "channels": ["moments", "topics", "surprises"] if owner else ["moments", "surprises"],
            })
        return result

    def groups(self, personas):
        result = []
        for g, (gid, label) in enumerate(GROUPS):
            owner = personas[g]
            result.append({"id": gid, "label": label, "owner": owner["id"], "segments": owner["segments"][:1 + g % 2]})
        return result

    def schedule(self, personas, groups):
        """One record per item, in date order; kinds, themes and formats rotate so that most rules pass."""
        rng = self.rng
        items = []
        group_of = {g["owner"]: g for g in groups}
        moment_count = {}
        topic_count = {}
        surprise_count = {}
        promo_day = {}
        for index in range(self.n):
            day = index * DAYS // self.n
            first_of_day = math.ceil(day * self.n / DAYS)
            j = index - first_of_day
            persona = personas[(j + day) % len(personas)]
            r = j // len(personas)
            minutes = 7 * 60 + 30 + r * self.gap
            date = START + datetime.timedelta(days=day)
            roll = rng.random()
            if persona["owner"]:
                kind = "moment" if roll < 0.52 else "topic" if roll < 0.92 else "surprise"
            else:
                kind = "moment" if roll < 0.9 else "surprise"
            record = {
                "index": index, "kind": kind, "date": date, "minutes": minutes, "persona": persona, "r": r,
                "table": rng.random() < 0.1, "action": rng.choice(ACTIONS) if rng.random() < 0.6 else None,
                "status": rng.choice(STATUSES), "tags": rng.sample(FILE_WORDS, rng.randint(0, 2)),
            }
            pid = persona["id"]
            if kind == "moment":
                c = moment_count.get(pid, 0)
                moment_count[pid] = c + 1
                # Promotion on one day in four per persona (never two days running), once that day.
                promo = (day + int(pid[1:])) % 4 == 0 and promo_day.get(pid) != day and c % 2 == 0
                if promo:
                    promo_day[pid] = day
                    record["theme"] = "promotion"
                else:
                    record["theme"] = THEMES[c % 3]
            elif kind == "topic":
                group = group_of[pid]
                c = topic_count.get(group["id"], 0)
                topic_count[group["id"]] = c + 1
                record["group"] = group["id"]
                record["format"] = FORMATS[c % len(FORMATS)]
                record["theme"] = THEMES[c % 3]
            else:
                c = surprise_count.get(pid, 0)
                surprise_count[pid] = c + 1
                record["segment"] = persona["segments"][c % len(persona["segments"])]
                record["trigger"] = rng.choice(TRIGGERS)
                record["via"] = rng.choice(VIAS)
            items.append(record)
        return items

    def slips(self, items):
        """Deliberate slips on a small share of items: warnings and notices only."""
        rng = random.Random(self.rng.random())
        moments = [i for i in items if i["kind"] == "moment"]
        share = max(1, self.n // 400)
        plain = [i for i in moments if i["theme"] != "promotion"]
        for record in rng.sample(plain, min(len(plain), share)):
            record["duplicate"] = True              # duplicate-copy
        for record in rng.sample(items, min(len(items), share)):
            record["unknown_key"] = True            # unknown-key, with a did-you-mean
        for record in rng.sample(moments, min(len(moments), share)):
            if record["persona"]["owner"] is False:
                record["segments_extra"] = True     # persona-segment
        for record in rng.sample(moments, min(len(moments), share)):
            record["minutes"] = 23 * 60             # quiet-hours
        for record in rng.sample(items, min(len(items), max(1, share // 4))):
            record["ignore"] = True                 # suppression: an ignore that suppresses nothing
        for record in rng.sample(items, min(len(items), max(1, share // 8))):
            record["date"] = datetime.date(2028, 1, 1 + record["index"] % 28)  # out-of-range

    def rules(self, personas):
        per_persona = self.n / DAYS / len(personas)
        moments_per_day = per_persona * 0.7
        moments_per_week = moments_per_day * 7
        lines = ["rules:"]
        lines.append("  posts-per-day: {min: %d, max: %d}" % (1 if moments_per_day >= 3 else 0, max(3, self.per_persona_day)))
        lines.append("  min-gap: {minutes: %d}" % self.gap)
        lines.append("  promo-share: {max: %s}" % ("0.2" if moments_per_week >= 10 else "0.5" if moments_per_week >= 4 else "1"))
        lines.append("  theme-mix: %s" % ("notice" if moments_per_week >= 6 else "off"))
        topics_per_group_day = self.n * 0.2 / DAYS / len(GROUPS)
        lines.append("  group-per-day: {max: %d}" % max(1, math.ceil(topics_per_group_day * 1.6) + 1))
        lines.append("  group-per-week: {min: %d}" % (2 if topics_per_group_day * 7 >= 4 else 0))
        touches_per_segment_week = (self.n * 0.2 * 1.5 + self.n * 0.1) / len(SEGMENTS) / DAYS * 7
        lines.append("  touch-cap: {max: %d}" % max(10, math.ceil(touches_per_segment_week * 1.4) + 2))
        surprises_per_segment = self.n * 0.1 / len(SEGMENTS)
        lines.append("  surprise-spacing: {days: %d}" % min(14, int(0.8 * DAYS / max(1, surprises_per_segment))))
        lines.append("  promo-streak: {max-days: 2}")
        lines.append("  quiet-hours: {from: \"22:30\", to: \"07:00\"}")
        if self.warnings:
            # Stricter than the plan's density allows: a finding on most days of most personas.
            lines = [line for line in lines if not line.startswith(("  min-gap:", "  theme-mix:"))]
            lines.append("  min-gap: {severity: warning, minutes: %d}" % (self.gap * 3))
            lines.append("  theme-mix: warning")
        return "\n".join(lines) + "\n"

    def write(self, out, hugo=None):
        if os.path.exists(out):
            shutil.rmtree(out)
        personas = self.personas()
        groups = self.groups(personas)
        items = self.schedule(personas, groups)
        self.slips(items)
        plan = [
            "# Generated by scripts/gen_corpus.py: %d items." % self.n,
            "title: 基准测试计划 · %d 条内容" % self.n,
            "locale: zh-CN",
            "timezone: Asia/Shanghai",
            "start: 2027-01-01",
            "end: 2027-12-31",
            "base_url: /",
            "repo_url: https://gitlab.example.com/ops/plan/-/blob/main",
            "slots:",
            "  morning: \"07:30\"",
            "  noon: \"12:10\"",
            "  evening: \"20:30\"",
            "themes:",
            "  professional: {label: 专业干货, color: \"#2563eb\"}",
            "  life:         {label: 生活日常, color: \"#16a34a\"}",
            "  interaction:  {label: 互动话题, color: \"#d97706\"}",
            "  promotion:    {label: 产品推广, color: \"#dc2626\", promotional: true}",
            "segments:",
        ]
        for sid, label, stage in SEGMENTS:
            plan.append("  %s: {label: %s, stage: %s}" % (sid, label, stage))
        plan.append("groups:")
        for g in groups:
            plan.append("  %s: {label: %s, owner: %s, segments: %s}" % (g["id"], g["label"], g["owner"], yaml_list(g["segments"])))
        plan.append("banned: " + yaml_list(PLAN_BANNED))
        write(os.path.join(out, "plan.yml"), "\n".join(plan) + "\n" + self.rules(personas))

        for p in personas:
            text = "\n".join([
                "---",
                "name: " + p["name"],
                "identity: " + p["identity"],
                "signature: 慢慢来，比较快",
                "personality: 耐心、细致、说话带点幽默",
                "catchphrases: [今天也要加油哦, 有事随时喊我]",
                "banned: " + yaml_list(PERSONA_BANNED),
                "disclaimer: " + DISCLAIMER,
                "channels: " + yaml_list(p["channels"]),
                "segments: " + yaml_list(p["segments"]),
                "---",
                p["name"] + "是一位" + p["identity"] + "。" + sentence(self.rng) + sentence(self.rng),
                "",
            ])
            write(os.path.join(out, "personas", p["id"] + ".md"), text)

        slot_of = {7 * 60 + 30: "morning", 12 * 60 + 10: "noon", 20 * 60 + 30: "evening"}
        recent = collections.deque(maxlen=40)
        hugo_pages = []
        for record in items:
            rng = random.Random(record["index"] * 7919 + self.n)
            extra = DISCLAIMER if record.get("theme") == "promotion" else ""
            text_body = body(rng, record["index"], record["table"], extra)
            if record.get("duplicate") and recent:
                text_body = recent[0]   # the copy of a moment a few days earlier: duplicate-copy
            elif record["kind"] == "moment" and not extra:
                recent.append(text_body)
            for word in PLAN_BANNED + PERSONA_BANNED:
                assert word not in text_body, word
            kind = record["kind"]
            date = record["date"]
            hh, mm = divmod(record["minutes"], 60)
            fm = ["---", "date: " + date.isoformat()]
            if record["minutes"] in slot_of:
                fm.append("slot: " + slot_of[record["minutes"]])
            else:
                fm.append("time: \"%02d:%02d\"" % (hh, mm))
            fm.append("persona: " + record["persona"]["id"])
            title = None
            if kind != "surprise":
                fm.append("theme: " + record["theme"])
            if kind != "moment":
                title = rng.choice(TOPICS) + " · 第" + str(record["index"]) + "期"
                fm.append("title: " + title)
            if kind == "topic":
                fm.append("group: " + record["group"])
                fm.append("format: " + record["format"])
            if kind == "surprise":
                fm.append("segments: [" + record["segment"] + "]")
                fm.append("trigger: " + record["trigger"])
                fm.append("via: " + record["via"])
                fm.append("gift: 手写卡片一张")
            if record.get("segments_extra"):
                fm.append("segments: " + yaml_list(record["persona"]["segments"] + ["wealth" if "wealth" not in record["persona"]["segments"] else "student"]))
            if record["action"]:
                fm.append("action: " + record["action"])
            fm.append("status: " + record["status"])
            fm.append("owner: " + record["persona"]["name"])
            if record["tags"]:
                fm.append("tags: " + yaml_list(record["tags"]))
            if record.get("unknown_key"):
                fm.append("tagz: [拼写错误]")
            if record.get("ignore"):
                fm.append("ignore: {slot-clash: \"特例：与合作方约定的时间\"}")
            if record.get("theme") == "promotion" and record["status"] in ("ready", "published"):
                # Signed off as plan-build review sign writes it: the SHA-256 of the body.
                digest = hashlib.sha256(text_body.replace("\r\n", "\n").encode("utf-8")).hexdigest()
                fm.append("review: {by: \"合规部\", on: %s, hash: %s}" % (date.isoformat(), digest))
            fm.append("---")
            folder = {"moment": "moments", "topic": "topics", "surprise": "surprises"}[kind]
            sub = record.get("group") or date.strftime("%Y-%m")
            name = "%s-%s-%d-%s.md" % (date.strftime("%m%d"), record["persona"]["id"], record["r"], FILE_WORDS[record["index"] % len(FILE_WORDS)])
            if record["index"] % 997 == 0:
                name = name[:-3] + " 特别篇.md"
            path = os.path.join(out, folder, sub, name)
            if os.path.exists(path):
                path = path[:-3] + "-%d.md" % record["index"]
            write(path, "\n".join(fm) + "\n" + text_body)
            if hugo:
                hugo_pages.append((record, title, text_body))
        if hugo:
            write_hugo(hugo, hugo_pages)
        return len(items)


def write_hugo(root, pages):
    """The same bodies as a Hugo site: content/items/*.md with minimal front matter and a minimal layout."""
    if os.path.exists(root):
        shutil.rmtree(root)
    write(os.path.join(root, "hugo.toml"), "\n".join([
        'baseURL = "/"',
        'title = "bench"',
        'buildFuture = true  # the plan is dated 2027',
        'disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]',
        '[markup.goldmark.renderer]',
        '  unsafe = false',
        "",
    ]))
    layout = "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>{{ .Title }}</title></head>\n<body>{{ block \"main\" . }}{{ end }}</body></html>\n"
    write(os.path.join(root, "layouts", "_default", "baseof.html"), layout)
    write(os.path.join(root, "layouts", "_default", "single.html"),
          "{{ define \"main\" }}<h1>{{ .Title }}</h1><p>{{ .Date.Format \"2006-01-02\" }}</p>{{ .Content }}{{ end }}\n")
    write(os.path.join(root, "layouts", "_default", "list.html"),
          "{{ define \"main\" }}<h1>{{ .Title }}</h1><ul>{{ range .Pages }}<li><a href=\"{{ .RelPermalink }}\">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}\n")
    write(os.path.join(root, "layouts", "index.html"),
          "{{ define \"main\" }}<h1>{{ .Site.Title }}</h1>{{ end }}\n")
    for record, title, text in pages:
        hh, mm = divmod(record["minutes"], 60)
        fm = "---\ntitle: \"%s\"\ndate: %sT%02d:%02d:00+08:00\n---\n" % (
            (title or "item %d" % record["index"]).replace('"', "'"), record["date"].isoformat(), hh, mm)
        write(os.path.join(root, "content", "items", "item-%06d.md" % record["index"]), fm + text)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", "-n", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", default=None, help="content folder to write (default bench-out/corpus-N/content)")
    parser.add_argument("--hugo", default=None, help="also write a Hugo site with the same bodies here")
    parser.add_argument("--many-warnings", action="store_true",
                        help="stricter min-gap and theme-mix settings: thousands of warnings, as on the day a stricter rule is turned on")
    args = parser.parse_args()
    out = args.out or os.path.join("bench-out", "%s-%d" % ("warnings" if args.many_warnings else "corpus", args.items), "content")
    count = Plan(args.items, args.seed, args.many_warnings).write(out, args.hugo)
    print("wrote %d items to %s" % (count, out), file=sys.stderr)


if __name__ == "__main__":
    main()
