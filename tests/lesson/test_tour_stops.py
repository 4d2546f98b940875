"""The lecture tour's stops: each lands on a step, node and view that exist, and every number it quotes is the engine's."""

import re
from dataclasses import replace

import numpy as np
import pytest

from explorer.lesson.tour import QUOTE_KINDS, TABS, TOUR, Quote, quote_problems, stop_position, stop_session
from explorer.model import load_model
from explorer.resources import example_path

DECIMAL = re.compile(r"(?<![\w.])-?\d+\.\d+")


def test_one_stop_per_slide_in_the_lectures_order_then_where_the_lecture_turns_next():
    assert [stop.slide for stop in TOUR] == [f"{n}/8" for n in range(1, 9)] + ["", ""]
    assert {stop.example for stop in TOUR[:8]} == {"single_layer"}  # Ŷ = WᵀH, W 3×2, as on the slides
    assert {stop.example for stop in TOUR[8:]} == {"toy"}  # the three-layer chain
    assert "Jacobian" in TOUR[8].title_en
    assert "Jᵀv" in TOUR[9].title_en


def test_the_single_layer_is_the_lectures_slide():
    model = load_model(example_path("single_layer"))
    assert model.shape("W") == (3, 2)
    assert model.shape("H") == (3, 1)
    assert model.shape("Yhat") == (2, 1)
    assert model.inputs("Yhat") == {"x": "H", "w": "W"}
    assert model.op(model.loss_id) == "half_sse"


@pytest.mark.parametrize("number", range(len(TOUR)))
def test_each_stop_lands_on_a_step_node_and_view_that_exist(number):
    stop = TOUR[number]
    session = stop_session(stop)
    model = session.model
    assert session.position == stop_position(stop, session)
    assert session.current.phase == stop.phase
    assert session.current.node == stop.at
    assert stop.node in model
    assert stop.tab in TABS
    assert stop.ko.strip()
    assert stop.en.strip()
    assert re.search("[가-힣]", stop.ko), "the Korean sentence is in Korean"
    if stop.pair is not None:
        out, wrt = stop.pair
        assert wrt in model.inputs(out).values()
        assert stop.node in stop.pair  # the inspector offers the pair for the node shown
    if stop.jacobian_shape is not None:
        assert session.jacobian_shape(*stop.pair) == stop.jacobian_shape
        assert session.jacobian(*stop.pair).shape == stop.jacobian_shape
    assert stop.practice in (None, "value", "grad", "jacobian")
    if stop.practice == "jacobian":
        assert stop.pair is not None
        assert stop.pair[0] == stop.node  # ∂node/∂wrt: what the Jacobian tab shows


@pytest.mark.parametrize("number", range(len(TOUR)))
def test_every_number_a_stop_quotes_is_the_engines(number):
    stop = TOUR[number]
    assert quote_problems(stop, stop_session(stop)) == []
    assert all(quote.of in QUOTE_KINDS for quote in stop.quotes)


@pytest.mark.parametrize("number", range(len(TOUR)))
def test_every_decimal_in_a_stops_sentences_is_one_it_quotes(number):
    """What the sentence says is what is checked: no number in the text escapes the engine."""
    stop = TOUR[number]
    quoted = [quote.number for quote in stop.quotes]
    for text in (stop.ko, stop.en):
        for match in DECIMAL.findall(text):
            assert any(np.isclose(float(match), q, rtol=0, atol=1e-12) for q in quoted), (
                f"{stop.slide or stop.title_en}: {match} is not among the quoted numbers"
            )


def test_a_wrong_quote_is_caught():
    stop = replace(TOUR[1], quotes=(Quote("grad", "Yhat", (0, 0), 0.41), Quote("value", "H", (2, 0), 3.0)))
    problems = quote_problems(stop, stop_session(stop))
    assert len(problems) == 1
    assert problems[0].startswith("grad of Yhat at (0, 0): quoted 0.41, engine 0.39999")


def test_the_hand_computation_of_slide_5_is_h_delta_transposed():
    """∂L/∂w_kj = ∂L/∂ŷ_j × h_k, from the example's own numbers in plain numpy (not the engine)."""
    model = load_model(example_path("single_layer"))
    h, w, y = model.value("H"), model.value("W"), model.value("Y")
    delta = w.T @ h - y  # ½ SSE: ∂L/∂Ŷ = Ŷ − Y
    by_hand = np.array([[delta[j, 0] * h[k, 0] for j in range(2)] for k in range(3)])
    quoted = {q.index: q.number for q in TOUR[4].quotes if q.of == "grad" and q.node == "W"}
    for index, number in quoted.items():
        assert by_hand[index] == pytest.approx(number, abs=1e-12)
