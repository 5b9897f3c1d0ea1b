"""Fits the known-claim re-ranker from the features scripts/train-match.mjs extracted.

Train split only: the first stage (one feature file per first stage: BM25 of the words only, or
of the words and the figures as a field of their own), the candidate count (10 to 50 first-stage
candidates; on a tie the fewest, since each costs the page time) and the L2 strength are chosen by
5-fold cross-validation of MAP@5 over the train sentences; a listwise (softmax over each
sentence's candidates) linear model is then fitted on all of them with L-BFGS. Out-of-fold
scores of each train sentence's best candidate, and the best candidate's score of news
sentences that repeat no known claim, calibrate a logistic match probability; the flag
threshold is the lowest probability (step 0.01) from which rank-1 precision stays >= 0.9.
"""
import json
import sys

import numpy as np
from scipy.optimize import minimize

FOLDS = 5


def groups_of(lists, k):
    out = []
    for item in lists:
        cands = item["candidates"][:k]
        if not cands:
            continue
        x = np.array([c["features"] for c in cands], dtype=np.float64)
        ids = [c["claim"] for c in cands]
        out.append((item["id"], set(item["relevant"]), ids, x))
    return out


def ap5(ranked, relevant):
    hits, total = 0, 0.0
    for i, claim in enumerate(ranked[:5]):
        if claim in relevant:
            hits += 1
            total += hits / (i + 1)
    return total / len(relevant) if relevant else 0.0


def fit(groups, l2):
    allx = np.vstack([g[3] for g in groups])
    mean, scale = allx.mean(0), allx.std(0)
    scale[scale == 0] = 1.0
    zs, ys = [], []
    for g in groups:
        y = np.array([1.0 if c in g[1] else 0.0 for c in g[2]])
        if y.sum() > 0:
            zs.append((g[3] - mean) / scale)
            ys.append(y / y.sum())

    def loss(w):
        total, grad = 0.0, np.zeros_like(w)
        for z, y in zip(zs, ys):
            s = z @ w
            p = np.exp(s - s.max())
            p /= p.sum()
            total -= float((y * np.log(p + 1e-12)).sum())
            grad += z.T @ (p - y)
        n = max(len(zs), 1)
        return total / n + l2 * float(w @ w) / 2, grad / n + l2 * w

    w = minimize(loss, np.zeros(allx.shape[1]), jac=True, method="L-BFGS-B", options={"maxiter": 1000}).x
    return mean, scale, w


def scores(model, x):
    mean, scale, w = model
    return ((x - mean) / scale) @ w


def ranked(model, g):
    order = sorted(range(len(g[2])), key=lambda j: (-scores(model, g[3])[j], g[2][j]))
    return [g[2][j] for j in order]


def cross_validated(groups, l2, n_train):
    folds = [groups[i::FOLDS] for i in range(FOLDS)]
    total = 0.0
    for f in range(FOLDS):
        model = fit([g for j in range(FOLDS) if j != f for g in folds[j]], l2)
        total += sum(ap5(ranked(model, g), g[1]) for g in folds[f])
    return total / n_train


def main(model_path, *features_paths):
    variants = [json.load(open(path)) for path in features_paths]
    results = []
    for v, data in enumerate(variants):
        n_train = len(data["train"])
        for k in (10, 20, 30, 50):
            groups = groups_of(data["train"], k)
            for l2 in (0.001, 0.01, 0.1):
                map5 = cross_validated(groups, l2, n_train)
                print(f"cv figureQuery={str(data['figureQuery']).lower()} candidates={k} l2={l2}: MAP@5 {map5:.4f}")
                results.append((map5, k, l2, v))
    # The best MAP@5; on a tie (within 0.0001) the fewest candidates, since each costs the page time.
    top = max(r[0] for r in results)
    _, k, l2, v = max((r for r in results if r[0] >= top - 0.0001), key=lambda r: (-r[1], r[0]))
    data = variants[v]
    n_train = len(data["train"])
    groups = groups_of(data["train"], k)
    model = fit(groups, l2)
    # Calibration inputs of a sentence's best candidate: its score, its lead over the runner-up
    # (a lone strong candidate is surer than one among near-duplicates), and its character and
    # word overlap with the sentence, which mean the same in any collection.
    names = data["features"]
    cos_i, cov_i = names.index("charCosine"), names.index("claimCoverage")

    def calibration_inputs(s, x, top):
        others = np.delete(s, top)
        lead = float(s[top] - others.max()) if len(others) else 5.0
        return [float(s[top]), min(lead, 5.0), float(x[top, cos_i]), float(x[top, cov_i])]

    points = []
    folds = [groups[i::FOLDS] for i in range(FOLDS)]
    for f in range(FOLDS):
        fold_model = fit([g for j in range(FOLDS) if j != f for g in folds[j]], l2)
        for g in folds[f]:
            s = scores(fold_model, g[3])
            top = max(range(len(g[2])), key=lambda j: (s[j], -g[2][j]))
            points.append((calibration_inputs(s, g[3], top), 1.0 if g[2][top] in g[1] else 0.0))
    for g in groups_of(data["negatives"], k):
        s = scores(model, g[3])
        points.append((calibration_inputs(s, g[3], int(np.argmax(s))), 0.0))
    X = np.array([p[0] for p in points])
    y = np.array([p[1] for p in points])
    Xc = np.hstack([X, np.ones((len(X), 1))])

    def calibration_loss(c):
        q = 1 / (1 + np.exp(-(Xc @ c)))
        q = np.clip(q, 1e-12, 1 - 1e-12)
        return -float((y * np.log(q) + (1 - y) * np.log(1 - q)).mean()) + 1e-4 * float(c[:-1] @ c[:-1]), Xc.T @ (q - y) / len(y) + np.append(2e-4 * c[:-1], 0)

    calibration = minimize(calibration_loss, np.zeros(Xc.shape[1]), jac=True, method="L-BFGS-B", options={"maxiter": 2000}).x
    prob = 1 / (1 + np.exp(-(Xc @ calibration)))
    threshold = 1.0
    for step in range(99, 0, -1):
        t = step / 100
        flagged = prob >= t
        if flagged.sum() < 10:
            continue
        if y[flagged].mean() < 0.9:
            break
        threshold = t
    flagged = prob >= threshold
    positives = sum(1 for item in data["train"])
    print(f"chosen figureQuery={str(data['figureQuery']).lower()} candidates={k} l2={l2}; calibration on {len(points)} best candidates ({int(y.sum())} correct); "
          f"threshold {threshold}: out-of-fold precision {y[flagged].mean():.3f}, recall {y[flagged].sum() / positives:.3f}")
    mean, scale, w = model
    r = lambda v: [round(float(a), 6) for a in v]
    out = {
        "trainedOn": f"CheckThat! 2021 task 2B train split ({n_train} sentences); non-matching sentences: {data['negativeSource']}",
        "features": data["features"],
        "mean": r(mean),
        "scale": r(scale),
        "weights": r(w),
        "calibration": {"inputs": ["score", "lead", "charCosine", "claimCoverage"], "weights": r(calibration[:-1]), "intercept": round(float(calibration[-1]), 6)},
        "candidates": k,
        "threshold": threshold,
        "figureQuery": bool(data["figureQuery"]),
    }
    with open(model_path, "w") as f:
        f.write(json.dumps(out, indent=1) + "\n")
    print(f"wrote {model_path}")


if __name__ == "__main__":
    main(sys.argv[1], *sys.argv[2:])
