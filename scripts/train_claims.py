"""Fits the check-worthiness model on features extracted by scripts/train-claims.mjs.

Reads sparse matrices (CSR as raw little-endian arrays) from the work directory given as the
only argument, and writes back raw arrays plus result.json:
  weights.f64     final model weights, one per hashed bucket (trained on train only)
  oof.f64         5-fold out-of-fold decision values on train (stratified, fixed seed)
  folds.i8        the fold of each train row
  newest.f64      decision values on the newest 20% of train (by id) from a model fitted on
                  the oldest 80%: a proxy for drift to newer, unseen material
  result.json     bias, chosen C and the dev grid

Deterministic: liblinear with a fixed random_state, fixed fold seed, single-threaded BLAS.
Run with the Debian interpreter (/usr/bin/python3), which has scikit-learn.
"""

import json
import os
import sys

import numpy as np
from scipy.sparse import csr_matrix
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold

SEED = 20240517
C_GRID = [float(c) for c in os.environ.get("FACTMARK_CLAIMS_C_GRID", "0.1,0.2,0.3,0.5,1").split(",")]


def load(work, name, dim):
    indptr = np.fromfile(os.path.join(work, f"{name}.indptr.i32"), dtype="<i4")
    indices = np.fromfile(os.path.join(work, f"{name}.indices.i32"), dtype="<i4")
    values = np.fromfile(os.path.join(work, f"{name}.values.f32"), dtype="<f4").astype(np.float64)
    labels = np.fromfile(os.path.join(work, f"{name}.labels.u8"), dtype="u1").astype(np.int64)
    x = csr_matrix((values, indices, indptr), shape=(len(indptr) - 1, dim))
    x.sum_duplicates()  # the same bucket can fire twice; the TS scorer adds both, so sum
    return x, labels


def fit(x, y, c):
    # intercept_scaling keeps liblinear's penalty on the bias negligible.
    model = LogisticRegression(C=c, solver="liblinear", random_state=SEED, max_iter=5000, intercept_scaling=10.0)
    return model.fit(x, y)


def best_f1(y, z):
    order = np.argsort(-z, kind="stable")
    ys = y[order]
    tp = np.cumsum(ys)
    k = np.arange(1, len(ys) + 1)
    f1 = 2 * tp / (k + ys.sum())
    return float(f1.max())


def main():
    work = sys.argv[1]
    meta = json.load(open(os.path.join(work, "meta.json")))
    dim = meta["dim"]
    xt, yt = load(work, "train", dim)
    xd, yd = load(work, "dev", dim)

    grid = []
    for c in C_GRID:
        z = fit(xt, yt, c).decision_function(xd)
        grid.append({"C": c, "devBestF1": round(best_f1(yd, z), 4)})
        print(f"  C={c:<5} dev best-threshold F1 {grid[-1]['devBestF1']:.4f}", flush=True)
    # Hyper-parameter chosen on dev (reported as such); ties go to the smaller, more regularised C.
    chosen = max(grid, key=lambda g: (g["devBestF1"], -g["C"]))["C"]

    final = fit(xt, yt, chosen)
    final.coef_[0].astype("<f8").tofile(os.path.join(work, "weights.f64"))

    folds = np.zeros(len(yt), dtype=np.int8)
    oof = np.zeros(len(yt))
    splitter = StratifiedKFold(n_splits=5, shuffle=True, random_state=SEED)
    for k, (tr, te) in enumerate(splitter.split(np.zeros(len(yt)), yt)):
        oof[te] = fit(xt[tr], yt[tr], chosen).decision_function(xt[te])
        folds[te] = k
    oof.astype("<f8").tofile(os.path.join(work, "oof.f64"))
    folds.tofile(os.path.join(work, "folds.i8"))

    order = np.array(meta["trainOrder"])  # train rows sorted by id, i.e. by debate date
    cut = int(len(order) * 0.8)
    old, new = np.sort(order[:cut]), np.sort(order[cut:])
    fit(xt[old], yt[old], chosen).decision_function(xt[new]).astype("<f8").tofile(os.path.join(work, "newest.f64"))
    np.array(new, dtype="<i4").tofile(os.path.join(work, "newest.rows.i32"))

    json.dump({"bias": float(final.intercept_[0]), "C": chosen, "grid": grid}, open(os.path.join(work, "result.json"), "w"))


if __name__ == "__main__":
    main()
