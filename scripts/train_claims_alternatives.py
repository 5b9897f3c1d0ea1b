"""Alternatives to the shipped model, measured on the same folds (npm run train:claims -- --alternatives).

Each one is a candidate that was evaluated and not shipped; the run prints its pooled out-of-fold
F1 per grid value, its nested F1 (grid value and threshold for fold k chosen on the other folds),
and its F1 on the newest debates at its own cross-validated threshold, so the choice of the
shipped model can be re-checked rather than taken on trust:
  joint   one logistic regression over all four feature groups at once (sym and cue scaled by
          0.5, their per-group regularisation), instead of one per group plus stacking;
  nb-lr   the same with every bucket scaled by its log-count ratio (Wang & Manning 2012, NB-LR;
          ratios from binarised counts of the training folds only, smoothing 1); foldable into a
          linear model's weights, so it would ship in the same format;
  average the shipped model's and the baseline's out-of-fold scores, standardised and added: a
          reference ceiling for adding the baseline's own n-grams, not shipped (a second n-gram
          table: about twice the model file and the scoring work).
"""

import numpy as np
from scipy.sparse import diags, hstack

GROUP_SCALE = {"char": 1.0, "word": 1.0, "sym": 0.5, "cue": 0.5}
GRIDS = {"joint": [1.0, 2.0], "nb-lr": [0.5, 2.0]}


def log_count_ratio(x, y, alpha=1.0):
    """NB log-count ratio per column from binarised counts."""
    xb = (x > 0).astype(np.float64)
    p = alpha + np.asarray(xb[y == 1].sum(0)).ravel()
    q = alpha + np.asarray(xb[y == 0].sum(0)).ravel()
    return np.log((p / p.sum()) / (q / q.sum()))


def evaluate(ctx):
    """Runs every alternative; ctx carries y, splits, matrices, fit, best_threshold_f1, nested, old/new rows, log."""
    y, splits, fit, best, log = ctx["y"], ctx["splits"], ctx["fit"], ctx["best_threshold_f1"], ctx["log"]
    x = hstack([ctx["matrices"][name][0] * s for name, s in GROUP_SCALE.items()]).tocsr()
    n = len(y)

    def transform(kind, tr, rows_a, rows_b):
        if kind == "joint":
            return x[rows_a], x[rows_b]
        d = diags(log_count_ratio(x[tr], y[tr]))
        return x[rows_a] @ d, x[rows_b] @ d

    report = {}
    for kind, grid in GRIDS.items():
        zs = {}
        for c in grid:
            z = np.zeros(n)
            for tr, te in splits:
                a, b = transform(kind, tr, tr, te)
                z[te] = fit(a, y[tr], c).decision_function(b)
            zs[c] = z
            log(f"alternative {kind} C={c} OOF best F1 {best(y, z)[0]:.4f}")
        nested = ctx["nested"](lambda tr: zs[max(grid, key=lambda c: (best(y[tr], zs[c][tr])[0], -c))])
        c = max(grid, key=lambda c: (best(y, zs[c])[0], -c))
        _, threshold = best(y, zs[c])
        old, new = ctx["old"], ctx["new"]
        a, b = transform(kind, old, old, new)
        report[kind] = {"grid": {str(c): round(best(y, zs[c])[0], 4) for c in grid}, "C": c, "nested": nested,
                        "newest": ctx["point"](y[new], fit(a, y[old], c).decision_function(b), threshold)}
    standard = lambda z: (z - z.mean()) / z.std()
    z = standard(ctx["model_oof"]) + standard(ctx["baseline_oof"])
    report["average"] = {"pooledBestF1": round(best(y, z)[0], 4), "nested": ctx["nested"](lambda tr: z)}
    return report
