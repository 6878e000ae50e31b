"""Split amounts in whole cents by integer weights, summing exactly (largest remainder).

For a total T (cents) and weights w_i (W = sum w_i): participant i first gets floor(T x w_i / W);
the cents left over (fewer than the number of participants) go one each to the largest
remainders (T x w_i mod W), ties to the participant listed first. The arithmetic is exact
integer arithmetic: no float ever decides who gets a cent. Negative totals are split by their
absolute value and the sign is put back, so a split of -T mirrors the split of T.

Fixed shares (floats) are turned into integer weights at a resolution of 1e-9
(``share_weights``); headcounts and inhabitants are already integers.
"""

from __future__ import annotations

import numpy as np

SHARE_RESOLUTION = 10**9
_INT64_SAFE = 2**62


def share_weights(shares: list[float]) -> list[int]:
    return [round(share * SHARE_RESOLUTION) for share in shares]


def largest_remainder(totals, weights) -> np.ndarray:
    """Split each of ``totals`` (int cents, shape (n,)) by ``weights`` -> int64 array (n, k).

    Row i sums exactly to totals[i]. If all weights are 0, everything is 0 (only valid for a
    zero total, which is the only way the engine calls it).
    """
    totals = np.asarray(totals, dtype=np.int64).reshape(-1)
    weight_list = [int(w) for w in weights]
    if any(w < 0 for w in weight_list):
        raise ValueError("weights must be 0 or more")
    k, total_weight = len(weight_list), sum(weight_list)
    if k == 0:
        return np.zeros((totals.size, 0), dtype=np.int64)
    if total_weight == 0:
        if np.any(totals):
            raise ValueError("cannot split a non-zero amount by weights that are all 0")
        return np.zeros((totals.size, k), dtype=np.int64)

    largest = int(np.max(np.abs(totals))) if totals.size else 0
    if largest * max(weight_list) < _INT64_SAFE and largest * total_weight < _INT64_SAFE:
        return _vectorised(totals, np.array(weight_list, dtype=np.int64), total_weight)
    return np.array(  # beyond int64: the same rule in Python's unbounded integers
        [_one(int(t), weight_list, total_weight) for t in totals.tolist()], dtype=np.int64
    ).reshape(totals.size, k)


def _vectorised(totals: np.ndarray, weights: np.ndarray, total_weight: int) -> np.ndarray:
    sign = np.sign(totals)[:, None]
    magnitude = np.abs(totals)[:, None]
    product = magnitude * weights[None, :]
    shares = product // total_weight
    remainders = product % total_weight
    left = (magnitude[:, 0] - shares.sum(axis=1))  # 0 <= left < k
    order_index = np.broadcast_to(np.arange(weights.size), remainders.shape)
    # Sort by remainder descending, then by position ascending (lexsort: last key is primary).
    order = np.lexsort((order_index, -remainders), axis=-1)
    rank = np.empty_like(order)
    np.put_along_axis(rank, order, np.arange(weights.size)[None, :].repeat(len(totals), 0), -1)
    shares += rank < left[:, None]
    return sign * shares


def _one(total: int, weights: list[int], total_weight: int) -> list[int]:
    sign, magnitude = (-1 if total < 0 else 1), abs(total)
    shares = [magnitude * w // total_weight for w in weights]
    remainders = [magnitude * w % total_weight for w in weights]
    left = magnitude - sum(shares)
    for i in sorted(range(len(weights)), key=lambda i: (-remainders[i], i))[:left]:
        shares[i] += 1
    return [sign * s for s in shares]
