#!/usr/bin/env python3
"""Cuts the small test slices of EduRecLti.Knowledge.Tests/Datasets/Samples/ from the full public data sets.

Usage: scripts/cut-test-samples.py [DATA_DIR]   (default: ../shared/data beside the repository)

Deterministic: every slice is "the first N students" of a file (or the students of those slices), so running it again on
the same data writes byte-identical files. The tests only read the slices; the full data sets are read by
scripts/bench-models.sh alone.
"""
import csv
import io
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "EduRecLti.Knowledge.Tests", "Datasets", "Samples")
DATA = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "..", "shared", "data"))

# Students per slice: enough for every model to fit and every metric to be defined, small enough to stay far below
# a few hundred KB per data set.
SEQUENCE_TRAIN, SEQUENCE_TEST = 60, 25
AKT_USERS_PER_TEST_FILE = 10
GERVET_TRAIN_USERS, GERVET_TEST_USERS = 50, 20
ECPE_EXAMINEES = 400


def lines(path):
    with open(path, newline="") as f:
        return [line.rstrip("\r\n") for line in f if line.strip()]


def write(dataset, name, text):
    os.makedirs(os.path.join(OUT, dataset), exist_ok=True)
    with open(os.path.join(OUT, dataset, name), "w", newline="") as f:
        f.write(text)


def groups(path, size):
    rows = lines(path)
    return [rows[i:i + size] for i in range(0, len(rows), size)]


def first_groups(dataset, source, name, size, count):
    write(dataset, name, "".join(line + "\n" for group in groups(source, size)[:count] for line in group))


def dkvmn_and_builder():
    src = os.path.join(DATA, "assist2009-dkvmn")
    for name, count in [("assist2009_updated_train.csv", SEQUENCE_TRAIN), ("assist2009_updated_test.csv", SEQUENCE_TEST),
                        ("assist2009_updated_train1.csv", SEQUENCE_TRAIN), ("assist2009_updated_valid1.csv", SEQUENCE_TEST)]:
        first_groups("assist2009-dkvmn", os.path.join(src, name), name, 3, count)
    src = os.path.join(DATA, "assist2009-dkt-builder")
    for name, count in [("builder_train.csv", SEQUENCE_TRAIN), ("builder_test.csv", SEQUENCE_TEST)]:
        first_groups("assist2009-dkt-builder", os.path.join(src, name), name, 3, count)


def akt_users(src):
    """The first users of each test file: every fold keeps test students, and each user keeps all its rows."""
    users = []
    for k in range(1, 6):
        users += [g[0].split(",")[-1] for g in groups(os.path.join(src, f"assist2009_pid_test{k}.csv"), 4)[:AKT_USERS_PER_TEST_FILE]]
    return set(users)


def akt_and_grades():
    src = os.path.join(DATA, "assist2009-akt-pid")
    users = akt_users(src)
    # User 79542 is in every train file and no test file (see PublishedSequenceSplits.LoadAktRaw): kept for that quirk.
    users.add("79542")
    for part in ["train", "valid", "test"]:
        for k in range(1, 6):
            name = f"assist2009_pid_{part}{k}.csv"
            kept = [g for g in groups(os.path.join(src, name), 4) if g[0].split(",")[-1] in users]
            write("assist2009-akt-pid", name, "".join(line + "\n" for g in kept for line in g))
    for name, path in [("assist2009_pid_dedup_long.csv", os.path.join(src, "assist2009_pid_dedup_long.csv")),
                       ("assist2009_skill_scores_long.csv", os.path.join(DATA, "assist2009-grades", "assist2009_skill_scores_long.csv"))]:
        rows = lines(path)
        dataset = "assist2009-akt-pid" if "pid" in name else "assist2009-grades"
        write(dataset, name, "".join(r + "\n" for r in rows[:1] + [r for r in rows[1:] if r.split(",")[0] in users]))
    return users


def gervet():
    src = os.path.join(DATA, "assist2009-gervet")
    items = set()
    for name, count in [("preprocessed_data_train.csv", GERVET_TRAIN_USERS), ("preprocessed_data_test.csv", GERVET_TEST_USERS)]:
        rows = lines(os.path.join(src, name))
        seen, kept = [], [rows[0]]
        for row in rows[1:]:
            user = row.split("\t")[0]
            if user not in seen:
                seen.append(user)
            if len(seen) > count:
                break
            kept.append(row)
            items.add(row.split("\t")[1])
        write("assist2009-gervet", name, "".join(r + "\n" for r in kept))
    rows = lines(os.path.join(src, "q_mat_pairs.csv"))
    write("assist2009-gervet", "q_mat_pairs.csv", "".join(r + "\n" for r in rows[:1] + [r for r in rows[1:] if r.split(",")[0] in items]))


def matrices():
    src = os.path.join(DATA, "fraction-subtraction")
    for name in ["fraction_subtraction_responses.csv", "fraction_subtraction_qmatrix.csv", "fraction_subtraction_skills.csv"]:
        write("fraction-subtraction", name, "".join(r + "\n" for r in lines(os.path.join(src, name))))
    src = os.path.join(DATA, "ecpe")
    write("ecpe", "ecpe_responses.csv", "".join(r + "\n" for r in lines(os.path.join(src, "ecpe_responses.csv"))[:ECPE_EXAMINEES + 1]))
    write("ecpe", "ecpe_qmatrix.csv", "".join(r + "\n" for r in lines(os.path.join(src, "ecpe_qmatrix.csv"))))


def pykt_and_plain_long():
    """Two layouts built from the AKT deduplicated slice: pyKT's train_valid.csv + test.csv, and a plain long CSV."""
    rows = list(csv.DictReader(io.StringIO("\n".join(lines(os.path.join(OUT, "assist2009-akt-pid", "assist2009_pid_dedup_long.csv"))))))
    by_user = {}
    for row in rows:
        by_user.setdefault(row["user_id"], []).append(row)

    def pykt(users, fold_of):
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["fold", "uid", "questions", "concepts", "responses"])
        for user in users:
            answers = by_user[user]
            writer.writerow([fold_of(user), user, ",".join(a["problem_id"] for a in answers),
                             ",".join(a["skill_ids"].replace(";", "_") for a in answers), ",".join(a["correct"] for a in answers)])
        return out.getvalue()

    # The AKT fold 1 is pyKT's test set; the other four folds become pyKT folds 0..3.
    users = list(by_user)
    write("pykt", "test.csv", pykt([u for u in users if by_user[u][0]["fold"] == "1"], lambda u: -1))
    write("pykt", "train_valid.csv", pykt([u for u in users if by_user[u][0]["fold"] != "1"], lambda u: int(by_user[u][0]["fold"]) - 2))

    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["student", "item", "skills", "score", "time"])
    for row in rows:
        writer.writerow([row["user_id"], row["problem_id"], row["skill_ids"], row["correct"], row["t"]])
    write("plain-long", "answers.csv", out.getvalue())


def main():
    if not os.path.isdir(DATA):
        sys.exit(f"Data directory not found: {DATA}")
    dkvmn_and_builder()
    akt_and_grades()
    gervet()
    matrices()
    pykt_and_plain_long()
    for dataset in sorted(os.listdir(OUT)):
        size = sum(os.path.getsize(os.path.join(OUT, dataset, f)) for f in os.listdir(os.path.join(OUT, dataset)))
        print(f"{dataset}: {size // 1024} KB")


if __name__ == "__main__":
    main()
