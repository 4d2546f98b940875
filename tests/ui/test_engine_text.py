"""Messages are data: every key the layers below the window define has a window template, worded without parsing."""

import importlib
import pkgutil
import re
import string

import numpy as np
import pytest

import explorer
from explorer.engine import EngineError, JacobianTooLarge, NonFiniteError, Session
from explorer.lesson import breakdown
from explorer.lesson.by_hand import jacobian_matrix
from explorer.lesson.written_contraction import written_contraction
from explorer.model import ModelError, load_model
from explorer.model.edit import set_bias, set_loss
from explorer.model.messages import ENGLISH, Message, fields, message, plain
from explorer.resources import example_path
from explorer.ui.text import engine_text
from explorer.ui.text.engine_text import AS_GIVEN, TEMPLATES, error_text, worded
from explorer.ui.text.i18n import install_translator, remove_translators, translate


def _import_every_module_below_the_window() -> None:
    """Each module defines its keys when imported; the catalogue must know them all."""
    for info in pkgutil.walk_packages(explorer.__path__, "explorer."):
        if not info.name.startswith(("explorer.ui", "explorer.cli", "explorer.__main__")):
            importlib.import_module(info.name)


_import_every_module_below_the_window()


def _sentences(session: Session) -> list[Message]:
    model = session.model
    found: list[Message | None] = []
    for node in model.op_nodes:
        for wrt in model.inputs(node).values():
            b = breakdown(session, node, wrt)
            found += [*b.definitions, b.outer_product_note]
            j, c = jacobian_matrix(session, node, wrt), written_contraction(session, node, wrt)
            found += [x.delta for x in (j, c) if x is not None]
            found += [j.torch] if j is not None else []
    return [m for m in found if m is not None]


def test_every_key_has_a_window_template_with_the_same_fields():
    assert set(TEMPLATES) == set(ENGLISH) - AS_GIVEN
    for key, template in TEMPLATES.items():
        assert template == plain(ENGLISH[key]), key


@pytest.mark.parametrize("example", ["toy", "toy_batch"])
@pytest.mark.parametrize("loss", ["half_sse", "mse"])
def test_every_lesson_sentence_is_a_message_worded_as_its_english_line(example, loss):
    model = set_bias(set_loss(load_model(example_path(example)), loss), 0, True)
    session = Session(model)
    session.run()
    sentences = _sentences(session)
    keys = {m.key for m in sentences}
    assert ("lesson.count" in keys) == (loss == "mse")
    assert "lesson.samples" in keys  # the bias sums over the samples
    assert {"lesson.delta", "lesson.v_is", "lesson.torch_vjp"} <= keys
    for m in sentences:
        assert isinstance(m, Message)
        assert worded(m) == str(m)  # English: the window's template gives the very line the command line prints


def test_numbers_in_a_message_are_written_by_the_one_formatter():
    m = message("train.lr_invalid", lr=-1.5e-7)
    assert str(m) == "the learning rate must be a finite number > 0, got -1.5e-07"
    assert worded(m) == "the learning rate must be a finite number > 0, got −1.5e−7"
    steps = message("train.steps_invalid", limit=1_000_000, steps="ten")
    assert worded(steps) == str(steps) == "the number of steps must be a whole number in 1…1,000,000, got 'ten'"


def test_errors_carry_their_message_and_keep_their_english_line():
    error = NonFiniteError("H1", "H₁", 1, 7, "forward", "inf", 1e300)
    assert str(error) == "forward step 1/7: H₁ (H1) overflowed to infinity (its inputs reach 1e+300)"
    assert error.message.key == "engine.non_finite.inputs_reach"
    assert error_text(error) == "forward step 1/7: H₁ (H1) overflowed to infinity (its inputs reach 1e300)"
    big = JacobianTooLarge("Yhat", "W3", (2, 1, 3, 2), 11)
    assert error_text(big) == str(big) == "∂Yhat/∂W3 would have 12 elements (2×1×3×2); the budget is 11"
    refused = ModelError(message("model.at_node", node="'x'", problem="p"))
    assert refused.message.key == "model.at_node"
    plain_error = EngineError("said as it is")
    assert plain_error.message.key == "engine.text"
    assert error_text(plain_error) == "said as it is"
    assert error_text(ValueError("other")) == "other"


def test_a_translation_with_a_broken_field_still_shows_the_message(monkeypatch):
    monkeypatch.setattr(engine_text, "translate", lambda context, text: "{unknown}")
    assert worded(message("engine.not_reached", node="W1")) == "the backward pass has not reached W1 yet"


def test_every_korean_template_keeps_the_fields_of_its_english(qapp):
    assert install_translator("ko", qapp) == "ko"
    try:
        for key, template in TEMPLATES.items():
            korean = translate("Engine", template)
            names = {name for _, name, _, _ in string.Formatter().parse(korean) if name is not None}
            assert names == set(fields(template)), key
            words = re.sub(r"\{\w+\}", "", template)
            assert korean != template or not re.search("[a-zA-Z]{2,}", words), key  # only maths stays as it is
        error = NonFiniteError("X", "X", 7, 7, "backward", "nan", float(np.float64(1e153)))
        assert error_text(error) == "역전파 단계 7/7: X의 변화도가 NaN이 되었습니다 (들어오는 변화도가 1e153에 이릅니다)"
    finally:
        remove_translators(qapp)
