"""Every fixed sentence the engine writes into the breakdown is recognised, so it can be shown translated."""

import pytest

from explorer.engine import Session
from explorer.lesson import breakdown
from explorer.lesson.by_hand import jacobian_matrix, written_contraction
from explorer.model import load_model
from explorer.model.edit import set_bias, set_loss
from explorer.resources import example_path
from explorer.ui.text.engine_text import _FORMS, localized


def _sentences(session: Session) -> list[str]:
    model = session.model
    found = []
    for node in model.op_nodes:
        for wrt in model.inputs(node).values():
            b = breakdown(session, node, wrt)
            found += [*b.definitions, b.outer_product_note]
    for node in model.op_nodes:
        for wrt in model.inputs(node).values():
            j, c = jacobian_matrix(session, node, wrt), written_contraction(session, node, wrt)
            found += [x.delta for x in (j, c) if x is not None]
    return [text for text in found if text]


@pytest.mark.parametrize("example", ["toy", "toy_batch"])
@pytest.mark.parametrize("loss", ["half_sse", "mse"])
def test_every_engine_sentence_has_a_template(example, loss):
    model = set_bias(set_loss(load_model(example_path(example)), loss), 0, True)
    session = Session(model)
    session.run()
    sentences = _sentences(session)
    assert any(s.startswith("N = ") for s in sentences) == (loss == "mse")
    assert any(s.startswith("s runs over") for s in sentences)  # the bias sums over the samples
    for text in sentences:
        assert any(pattern.fullmatch(text) for pattern, _ in _FORMS), text
        assert localized(text) == text  # English: the template rebuilds the very same sentence


def test_other_text_passes_unchanged():
    assert localized("<b>anything</b>") == "<b>anything</b>"
