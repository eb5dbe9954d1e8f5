"""Format, label and minimum-count check for cues_eval_{dev,test}.tsv.

python3 bench/data/check_cues_eval.py [--md]
"""

import collections
import os
import sys

D = os.path.dirname(os.path.abspath(__file__)) + "/"
CATS = {
    "crisis",
    "child_protection",
    "eating",
    "substance",
    "bullying",
    "hopelessness",
    "detachment",
    "absence",
    "loneliness",
    "money",
    "sleep",
    "positive",
}
REGS = {
    "standard",
    "spoken",
    "slang",
    "regional",
    "learner",
    "typo",
    "emoji",
    "codeswitch",
    "lowercase_nopunct",
}
CRISIS_KINDS = [
    "wish_to_die_haluta",
    "wish_to_die_other_verb",
    "passive_wish",
    "suicidal_thoughts",
    "plan",
    "method_height",
    "method_traffic",
    "method_train",
    "method_pills",
    "method_weapon",
    "method_rope",
    "method_water",
    "preparation_letter",
    "preparation_giving_away",
    "preparation_last",
    "selfharm_cutting",
    "selfharm_burning",
    "selfharm_hitting",
    "selfharm_starving_punishment",
    "acute_danger",
]
CP_KINDS = [
    "sexual_assault",
    "grooming",
    "sextortion",
    "home_violence",
    "home_threat",
    "afraid_home",
    "homeless",
]
NEG_KINDS = [
    "neg_figurative_death",
    "neg_joke_emoji_jk",
    "neg_accident",
    "neg_friend_worry",
    "neg_negated",
    "neg_game_media",
    "neg_diet_sport",
    "neg_party",
    "neg_medical",
    "neg_homework",
    "neg_tired",
]
rows = []
errs = []
for s in ("dev", "test"):
    with open(D + f"cues_eval_{s}.tsv", encoding="utf-8") as fh:
        lines = fh.read().split("\n")
    assert lines[0] == "text\tgold_crisis\tcategories\tkind\tregister", lines[0]
    assert lines[-1] == ""
    for n, line in enumerate(lines[1:-1], 2):
        f = line.split("\t")
        if len(f) != 5:
            errs.append((s, n, "fields"))
            continue
        t, g, c, k, r = f
        cl = [x for x in c.split(",") if x]
        if not t.strip() or '"' in t[:1]:
            errs.append((s, n, "text"))
        if g not in ("yes", "no"):
            errs.append((s, n, "gold"))
        if any(x not in CATS for x in cl) or len(set(cl)) != len(cl):
            errs.append((s, n, "cats"))
        if r not in REGS:
            errs.append((s, n, "register"))
        if (g == "yes") != bool({"crisis", "child_protection"} & set(cl)):
            errs.append((s, n, "gold/cats mismatch"))
        rows.append(dict(split=s, text=t, gold=g, cats=cl, kind=k, reg=r))
norm = collections.Counter(" ".join(r["text"].lower().split()) for r in rows)
dups = [t for t, c in norm.items() if c > 1]
C = collections.Counter
yes = sum(r["gold"] == "yes" for r in rows)
crisis = [r for r in rows if "crisis" in r["cats"]]
cp = [r for r in rows if "child_protection" in r["cats"]]
hard = [r for r in rows if r["gold"] == "no" and r["kind"] in NEG_KINDS]
cat = C(c for r in rows for c in r["cats"])
checks = {
    "total>=1100": len(rows) >= 1100,
    "yes>=320": yes >= 320,
    "crisis>=220": len(crisis) >= 220,
    "child_protection>=100": len(cp) >= 100,
    "hard_neg>=330": len(hard) >= 330,
    "every crisis kind present": all(
        any(r["kind"] == k and "crisis" in r["cats"] for r in rows) for k in CRISIS_KINDS
    ),
    "every cp kind present": all(
        any(r["kind"] == k and "child_protection" in r["cats"] for r in rows) for k in CP_KINDS
    ),
    "every hard-neg kind present": all(any(r["kind"] == k for r in rows) for k in NEG_KINDS),
    "hard negs all gold no": all(r["gold"] == "no" for r in rows if r["kind"].startswith("neg_")),
    "other cats>=40": all(cat[c] >= 40 for c in CATS - {"crisis", "child_protection"}),
    "crisis/cp kinds in >=3 registers": all(
        len({r["reg"] for r in rows if r["kind"] == k}) >= 3 for k in CRISIS_KINDS + CP_KINDS
    ),
    "crisis/cp kinds in both splits": all(
        {r["split"] for r in rows if r["kind"] == k} == {"dev", "test"}
        for k in CRISIS_KINDS + CP_KINDS + NEG_KINDS
    ),
    "no duplicate texts": not dups,
    "no format errors": not errs,
}
if __name__ == "__main__":
    if "--md" in sys.argv:

        def table(counter, title, key="value"):
            dev = C()
            test = C()
            for r in rows:
                for v in counter(r):
                    (dev if r["split"] == "dev" else test)[v] += 1
            out = [f"| {key} | dev | test | total |", "|---|---:|---:|---:|"]
            for v in sorted(set(dev) | set(test), key=lambda v: (-(dev[v] + test[v]), v)):
                out.append(f"| {v} | {dev[v]} | {test[v]} | {dev[v] + test[v]} |")
            return f"### {title}\n\n" + "\n".join(out) + "\n"

        print(table(lambda r: [r["split"]], "Split", "split"))
        print(table(lambda r: ["gold_crisis=" + r["gold"]], "gold_crisis", "label"))
        print(
            table(
                lambda r: r["cats"] or ["(empty)"],
                "Categories (a message may count under several)",
                "category",
            )
        )
        print(
            table(
                lambda r: [
                    "hard negative (neg_* kind)" if r["kind"].startswith("neg_") else "other"
                ],
                "Hard negatives",
                "group",
            )
        )
        print(table(lambda r: [r["reg"]], "Register", "register"))
        print(table(lambda r: [r["kind"]], "Kind", "kind"))
    else:
        print(
            "rows",
            len(rows),
            "dev",
            sum(r["split"] == "dev" for r in rows),
            "test",
            sum(r["split"] == "test" for r in rows),
        )
        print("yes", yes, "crisis", len(crisis), "cp", len(cp), "hard_neg", len(hard))
        print(dict(cat))
        for k, v in checks.items():
            print(("OK  " if v else "FAIL"), k)
        print("errors", errs[:10], "dups", dups[:10])
        sys.exit(0 if all(checks.values()) else 1)
