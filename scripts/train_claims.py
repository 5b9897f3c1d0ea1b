"""Model selection and fitting for the check-worthiness model (run by scripts/train-claims.mjs).

Reads from the work directory given as the only argument:
  all.{indptr,indices,values,groups}  features of every sentence (train.csv + dev.csv), extracted by
                                      the shipped TypeScript; `groups` gives each value's group
  all.labels.u8, texts.json, meta.json (dim, group names, newest-debates split)
and writes back:
  folds.i8                  the stratified fold (0-4) of each row
  fold{k}.weights.f64       the shipped model's fold-k weights (fitted without fold k), one per bucket
  final.weights.f64         the shipped model fitted on every row
  baseline.oof.f64          the baseline's out-of-fold decision values (chosen C)
  newest.{model,baseline}.f64  decision values on the newest 20% of train.csv from fits on the rest
  parity.f64                the final model's float logits of the last parityRows rows (dev.csv)
  result.json               grids, choices, biases, group weights, the nested estimates and, with
                            --alternatives, the candidates that were not shipped
                            (scripts/train_claims_alternatives.py)

How the shipped model is chosen, all on out-of-fold (OOF) scores of the same 5 folds:
  1. each feature group gets its own logistic regression; its C is the grid value with the best
     pooled OOF F1 (at the best threshold);
  2. a second logistic regression over the groups' OOF scores gives each group its weight (a group
     whose weight comes out <= 0 is dropped and the weights refitted): the shipped model is the
     weighted sum of the group models, still one linear model over the buckets;
  3. the baseline (word 1-2-gram + char 2-5-gram TF-IDF, balanced logistic regression, vectorisers
     fitted inside each fold) gets its C the same way.
Choosing on the pooled OOF scores of all 5 folds flatters the chosen settings a little, so the
nested estimate redoes every choice (C, group weights, threshold) for each fold k on the other
four folds' OOF scores alone and scores fold k with them.

Deterministic: liblinear with a fixed random_state, fixed fold seed, single-threaded BLAS.
Run with the Debian interpreter (/usr/bin/python3), which has scikit-learn.
"""

import json
import os
import sys
import time

import numpy as np
from scipy.sparse import csr_matrix, hstack
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold

SEED = 20240517
K = 5
GROUP_C = {"char": [3.0, 8.0], "word": [6.0, 16.0], "sym": [3.0, 8.0], "cue": [1.0]}
BASELINE_C = [1.0, 3.0]
STACK_C = 1.0
started = time.time()


def log(message):
    print(f"  [{time.time() - started:5.0f} s] {message}", flush=True)


def best_threshold_f1(y, z):
    """Best F1 over all thresholds and the threshold (midway between neighbouring scores)."""
    order = np.argsort(-z, kind="stable")
    ys, zs = y[order], z[order]
    tp = np.cumsum(ys)
    f1 = 2 * tp / (np.arange(1, len(ys) + 1) + ys.sum())
    # Only cut between distinct scores.
    valid = np.append(zs[1:] != zs[:-1], True)
    f1 = np.where(valid, f1, -1)
    i = int(np.argmax(f1))
    threshold = (zs[i] + zs[i + 1]) / 2 if i + 1 < len(zs) else zs[i]
    return float(f1[i]), float(threshold)


def f1_at(y, z, threshold):
    pred = z >= threshold
    tp = float(np.sum(pred & (y == 1)))
    p = tp / max(1, pred.sum())
    r = tp / max(1, (y == 1).sum())
    return 2 * p * r / (p + r) if p + r > 0 else 0.0


def fit(x, y, c, balanced=True):
    # intercept_scaling keeps liblinear's penalty on the bias negligible.
    model = LogisticRegression(C=c, solver="liblinear", random_state=SEED, max_iter=5000, intercept_scaling=10.0,
                               class_weight="balanced" if balanced else None)
    return model.fit(x, y)


def load(work, dim):
    read = lambda suffix, dtype: np.fromfile(os.path.join(work, f"all.{suffix}"), dtype=dtype)
    indptr, indices = read("indptr.i32", "<i4"), read("indices.i32", "<i4")
    values, groups = read("values.f32", "<f4").astype(np.float64), read("groups.u8", "u1")
    labels = read("labels.u8", "u1").astype(np.int64)
    rows = np.repeat(np.arange(len(indptr) - 1), np.diff(indptr))
    return rows, indices, values, groups, labels


def group_matrix(rows, indices, values, groups, g, n):
    """One group's features as a CSR matrix over the buckets it uses (and those buckets)."""
    mask = groups == g
    used, cols = np.unique(indices[mask], return_inverse=True)
    x = csr_matrix((values[mask], (rows[mask], cols)), shape=(n, len(used)))
    x.sum_duplicates()  # a bucket that fires twice adds up, as in the TypeScript scorer
    return x, used


def stack_weights(scores, y):
    """Group weights from OOF group scores; groups weighted <= 0 are dropped. Returns (weights, bias)."""
    keep = list(range(scores.shape[1]))
    while keep:
        m = fit(scores[:, keep], y, STACK_C)
        w = m.coef_[0]
        if (w > 0).all():
            full = np.zeros(scores.shape[1])
            full[keep] = w
            return full, float(m.intercept_[0])
        keep = [g for g, wg in zip(keep, w) if wg > 0]
    return np.zeros(scores.shape[1]), 0.0


def main():
    work = sys.argv[1]
    meta = json.load(open(os.path.join(work, "meta.json")))
    dim, names = meta["dim"], meta["groups"]
    rows, indices, values, groups, y = load(work, dim)
    n = len(y)
    folds = np.zeros(n, dtype=np.int8)
    splits = list(StratifiedKFold(n_splits=K, shuffle=True, random_state=SEED).split(np.zeros(n), y))
    for k, (_, te) in enumerate(splits):
        folds[te] = k
    folds.tofile(os.path.join(work, "folds.i8"))

    # 1. One model per group, C by pooled OOF F1; fold weights kept for the chosen C.
    matrices, grid, chosen, oof, fold_fits = {}, {}, {}, {}, {}
    for g, name in enumerate(names):
        x, used = group_matrix(rows, indices, values, groups, g, n)
        matrices[name] = (x, used)
        grid[name] = []
        for c in GROUP_C[name]:
            z = np.zeros(n)
            fits = []
            for tr, te in splits:
                m = fit(x[tr], y[tr], c)
                z[te] = m.decision_function(x[te])
                fits.append((m.coef_[0].copy(), float(m.intercept_[0])))
            f1, _ = best_threshold_f1(y, z)
            grid[name].append({"C": c, "oofBestF1": round(f1, 4), "z": z, "fits": fits})
            log(f"{name:5} C={c:<4} OOF best F1 {f1:.4f}")
        best = max(grid[name], key=lambda e: (e["oofBestF1"], -e["C"]))
        chosen[name], oof[name], fold_fits[name] = best["C"], best["z"], best["fits"]

    # 2. Group weights by stacking on the OOF group scores.
    scores = np.column_stack([oof[name] for name in names])
    beta, beta0 = stack_weights(scores, y)
    log("group weights: " + ", ".join(f"{name} {b:.3f}" for name, b in zip(names, beta)))
    for k, (tr, te) in enumerate(splits):
        # Fold k's shipped model: group weights refitted without fold k, group models fitted without it.
        bk, bk0 = stack_weights(scores[tr], y[tr])
        w = np.zeros(dim)
        bias = bk0
        for g, name in enumerate(names):
            if bk[g] == 0:
                continue
            coef, intercept = fold_fits[name][k]
            w[matrices[name][1]] += bk[g] * coef
            bias += bk[g] * intercept
        w.astype("<f8").tofile(os.path.join(work, f"fold{k}.weights.f64"))
        json.dump({"bias": bias}, open(os.path.join(work, f"fold{k}.json"), "w"))

    # 3. The baseline on the same folds: vectorisers fitted inside each fold, C by pooled OOF F1.
    texts = np.array(json.load(open(os.path.join(work, "texts.json"))), dtype=object)

    def tfidf(train_texts, test_texts):
        word = TfidfVectorizer(ngram_range=(1, 2))
        char = TfidfVectorizer(analyzer="char", ngram_range=(2, 5))
        a = hstack([word.fit_transform(train_texts), char.fit_transform(train_texts)]).tocsr()
        b = hstack([word.transform(test_texts), char.transform(test_texts)]).tocsr()
        return a, b

    base_z = {c: np.zeros(n) for c in BASELINE_C}
    for k, (tr, te) in enumerate(splits):
        a, b = tfidf(texts[tr], texts[te])
        for c in BASELINE_C:
            base_z[c][te] = fit(a, y[tr], c).decision_function(b)
        log(f"baseline fold {k + 1}/{K}")
    base_grid = [{"C": c, "oofBestF1": round(best_threshold_f1(y, base_z[c])[0], 4)} for c in BASELINE_C]
    base_c = max(base_grid, key=lambda e: (e["oofBestF1"], -e["C"]))["C"]
    base_z[base_c].astype("<f8").tofile(os.path.join(work, "baseline.oof.f64"))
    log("baseline: " + ", ".join(f"C={e['C']} {e['oofBestF1']:.4f}" for e in base_grid))

    # 4. Nested estimate: every choice for fold k made on the other folds' OOF scores only.
    def nested(combine):
        pred = np.zeros(n, dtype=bool)
        for k, (tr, te) in enumerate(splits):
            z = combine(tr)
            _, threshold = best_threshold_f1(y[tr], z[tr])
            pred[te] = z[te] >= threshold
        tp = float(np.sum(pred & (y == 1)))
        p, r = tp / max(1, pred.sum()), tp / max(1, y.sum())
        return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(2 * p * r / (p + r), 4)}

    def model_combine(tr):
        picks = [max(grid[name], key=lambda e: (best_threshold_f1(y[tr], e["z"][tr])[0], -e["C"]))["z"] for name in names]
        s = np.column_stack(picks)
        b, b0 = stack_weights(s[tr], y[tr])
        return s @ b + b0

    def baseline_combine(tr):
        c = max(BASELINE_C, key=lambda c: (best_threshold_f1(y[tr], base_z[c][tr])[0], -c))
        return base_z[c]

    nested_model, nested_base = nested(model_combine), nested(baseline_combine)
    log(f"nested F1: model {nested_model['f1']:.4f}, baseline {nested_base['f1']:.4f}")

    # 5. Newer debates: fit on train.csv's oldest 80 % (by id), score its newest 20 %.
    old, new = np.array(meta["oldRows"]), np.array(meta["newRows"])
    w_new = np.zeros(dim)
    b_new = beta0
    z_new = np.zeros(len(new))
    for g, name in enumerate(names):
        if beta[g] == 0:
            continue
        x = matrices[name][0]
        m = fit(x[old], y[old], chosen[name])
        z_new += beta[g] * m.decision_function(x[new])
    (z_new + beta0).astype("<f8").tofile(os.path.join(work, "newest.model.f64"))
    a, b = tfidf(texts[old], texts[new])
    fit(a, y[old], base_c).decision_function(b).astype("<f8").tofile(os.path.join(work, "newest.baseline.f64"))
    log("newest-debates fits done")

    alternatives = None
    if "--alternatives" in sys.argv[2:]:
        import train_claims_alternatives

        def point(yy, z, threshold):
            pred = z >= threshold
            tp = float(np.sum(pred & (yy == 1)))
            p, r = tp / max(1, pred.sum()), tp / max(1, yy.sum())
            return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0}

        alternatives = train_claims_alternatives.evaluate({
            "y": y, "splits": splits, "matrices": matrices, "fit": fit, "best_threshold_f1": best_threshold_f1,
            "nested": nested, "old": old, "new": new, "log": log, "point": point,
            "model_oof": scores @ beta + beta0, "baseline_oof": base_z[base_c],
        })

    # 6. The shipped model: every group model refitted on all rows, weighted by beta.
    final = np.zeros(dim)
    bias = beta0
    for g, name in enumerate(names):
        if beta[g] == 0:
            continue
        x, used = matrices[name]
        m = fit(x, y, chosen[name])
        final[used] += beta[g] * m.coef_[0]
        bias += beta[g] * float(m.intercept_[0])
    final.astype("<f8").tofile(os.path.join(work, "final.weights.f64"))
    # Parity: the float logits of the last rows (dev.csv) under the final weights, for the unit
    # test that checks the TypeScript scorer (decoding, quantisation, repeated buckets) against them.
    tail = np.arange(n - meta["parityRows"], n)
    picked = np.isin(rows, tail)
    x_tail = csr_matrix((values[picked], (rows[picked] - tail[0], indices[picked])), shape=(len(tail), dim))
    x_tail.sum_duplicates()
    (x_tail @ final + bias).astype("<f8").tofile(os.path.join(work, "parity.f64"))
    json.dump({
        "bias": bias,
        "groups": {name: {"C": chosen[name], "weight": round(float(beta[g]), 4), "grid": [{"C": e["C"], "oofBestF1": e["oofBestF1"]} for e in grid[name]]} for g, name in enumerate(names)},
        "stackBias": beta0,
        "baseline": {"C": base_c, "grid": base_grid},
        "nested": {"model": nested_model, "baseline": nested_base},
        "alternatives": alternatives,
        "seconds": round(time.time() - started),
    }, open(os.path.join(work, "result.json"), "w"))
    log("final model fitted")


if __name__ == "__main__":
    main()
