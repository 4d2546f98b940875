"""The finite-difference check at a relu kink and on large leaves (issue 6, items 6 and 8)."""

import dataclasses

import numpy as np
import pytest

from explorer.engine import check_gradients
from explorer.engine.gradcheck import MIN_SAMPLES, eval_cost, sample_indices, sample_size
from explorer.model import model_from_dict
from explorer.ops import OPS


def kinked_model():
    """H1 = W1ᵀX with X = (1, 2): W1's first column gives H1[0] = 1·1 + 2·(−0.5) = 0 exactly, at relu's kink."""
    nodes = [
        {"id": "X", "op": "input", "value": [[1.0], [2.0]]},
        {"id": "W1", "op": "param", "value": [[1.0, 0.5], [-0.5, 0.25]]},
        {"id": "H1", "op": "linear", "inputs": {"x": "X", "w": "W1"}},
        {"id": "A1", "op": "relu", "inputs": {"x": "H1"}},
        {"id": "W2", "op": "param", "value": [[1.0], [2.0]]},
        {"id": "Yhat", "op": "linear", "inputs": {"x": "A1", "w": "W2"}},
        {"id": "Y", "op": "target", "value": [[-1.0]]},
        {"id": "L", "op": "half_sse", "inputs": {"pred": "Yhat", "target": "Y"}},
    ]
    return model_from_dict({"format": "jacobian-explorer/model", "version": 1, "nodes": nodes})


def test_the_kinked_model_is_exactly_at_the_kink():
    from explorer.engine import Session

    s = Session(kinked_model())
    s.run_forward()
    assert s.value("H1")[0, 0] == 0.0
    assert s.value("H1")[1, 0] == 1.0


def test_elements_at_a_kink_are_reported_not_failed():
    rows = {row.node: row for row in check_gradients(kinked_model())}
    assert all(row.ok for row in rows.values()), rows
    # moving X[0], X[1], W1[0,0] or W1[1,0] moves H1[0] off 0: four elements straddle the kink
    assert rows["X"].at_kink == 2
    assert rows["W1"].at_kink == 2
    assert rows["W2"].at_kink == 0  # W2 is after the relu: its differences are smooth


def test_without_kink_detection_the_same_model_fails():
    # the reason the detection exists: plain central differences at these elements disagree with the engine
    from explorer.engine import Session, numeric_grad

    model = kinked_model()
    s = Session(model)
    s.run()
    numeric = numeric_grad(model, "W1")
    assert abs(numeric[0, 0] - s.grad("W1")[0, 0]) > 0.1


def test_a_wrong_gradient_still_fails_next_to_a_kink(monkeypatch):
    linear = OPS["linear"]
    wrong = {**linear.vjp, "w": lambda a, out, g: 1.01 * (a["x"] @ g.T)}
    monkeypatch.setitem(OPS, "linear", dataclasses.replace(linear, vjp=wrong))
    rows = {row.node: row for row in check_gradients(kinked_model())}
    assert not rows["W2"].ok
    assert not rows["W1"].ok  # the elements of W1 that feed H1[1] are off the kink, and wrong
    assert rows["X"].ok


def test_sample_size_keeps_small_leaves_exact_and_caps_at_256():
    assert sample_size(9, 8, 256, 1e11) == 9
    assert sample_size(1024, 10_000, 256, 1e11) == 256


def test_sample_size_shrinks_with_the_cost_of_one_evaluation():
    one_layer = 4096**3  # Wᵀ X with W and X of 4096×4096
    assert sample_size(4096 * 4096, one_layer, 256, 2.5e11) == MIN_SAMPLES
    assert MIN_SAMPLES >= 5  # a handful, however costly
    # a 1024-wide layer with one sample is cheap: the cap applies
    assert sample_size(1024 * 1024, 1024 * 1024, 256, 2.5e11) == 256
    # in between, the budget decides: 2.5e11 / (2 · 1e9) = 125
    assert sample_size(10**6, 10**9, 256, 2.5e11) == 125


def test_eval_cost_counts_the_ops_downstream():
    model = kinked_model()
    # after W1: H1 = W1ᵀX (2·2·1), relu (2), Ŷ = W2ᵀA1 (2·1·1), loss (1)
    assert eval_cost(model, "W1") == 4 + 2 + 2 + 1
    assert eval_cost(model, "W2") == 2 + 1


def test_sample_indices_are_distinct_sorted_and_in_range():
    rng = np.random.default_rng(0)
    picked = sample_indices((4096, 4096), 40, rng)
    assert len(set(picked)) == 40
    assert picked == sorted(picked)
    assert all(0 <= i < 4096 and 0 <= j < 4096 for i, j in picked)


def test_check_reports_its_samples_and_progress():
    seen = []
    rows = check_gradients(kinked_model(), max_elements=3, progress=lambda *event: seen.append(event))
    assert [row.checked for row in rows] == [2, 3, 2]
    assert ("W1", 0, 3, 4) in seen
    assert ("W1", 3, 3, 4) in seen
    assert [e[1] for e in seen if e[0] == "X"] == [0, 1, 2]


@pytest.mark.parametrize("budget", [1e3, 1e6])
def test_a_tight_budget_still_checks_a_handful(budget):
    rows = check_gradients(kinked_model(), max_elements=256, budget=budget)
    assert all(row.checked == min(row.total, MIN_SAMPLES) for row in rows)
