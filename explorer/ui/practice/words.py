"""What practice says, in the interface language: each diagnosis in words, the hint ladder's rungs, the question.

The diagnoses' names are :data:`explorer.practice.DIAGNOSES`; their words
are marked here for the catalogue (context ``Practice``).
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from explorer.lesson.notation import pretty
from explorer.practice import Item
from explorer.ui.text.i18n import translate

_DIAGNOSES: dict[str, object] = {
    "transposed": QT_TRANSLATE_NOOP(
        "Practice", "Transposed: your answer is the transpose of the right one (h δᵀ written as δ hᵀ, or W used where Wᵀ belongs)."
    ),
    "half": QT_TRANSLATE_NOOP(
        "Practice", "The ½ of the loss: your answer is twice or half the right one (the ½ of ½ Σ (Ŷ − Y)² dropped or doubled)."
    ),
    "sign": QT_TRANSLATE_NOOP(
        "Practice", "The sign of the residual is flipped: you used Y − Ŷ where Ŷ − Y belongs, so every entry has the wrong sign."
    ),
    "wrong_layer": QT_TRANSLATE_NOOP(
        "Practice", "Another layer's activation: you used the values of another layer (e.g. H₁ where H₂ belongs)."
    ),
    "shape": QT_TRANSLATE_NOOP(
        "Practice", "The shape is wrong: the answer is {expected}, you gave {given} (a row where a column belongs?)."
    ),
    "missing_derivative": QT_TRANSLATE_NOOP(
        "Practice", "The activation's derivative is left out: multiply by σ′, tanh′ or the ReLU mask on the way back."
    ),
    "elements": QT_TRANSLATE_NOOP("Practice", "Not quite: {count} of {total} entries are wrong (coloured)."),
    "missing": QT_TRANSLATE_NOOP("Practice", "Not answered."),
}


def shape_words(shape: tuple[int, ...]) -> str:
    """``3×2``, or a scalar in the interface language."""
    return "×".join(map(str, shape)) if shape else translate("Practice", "a scalar")


def diagnosis_text(diagnosis: str, expected: tuple[int, ...] = (), given: tuple[int, ...] | None = None, count: int = 0, total: int = 0) -> str:
    """One diagnosis in words, with its numbers filled in."""
    template = translate("Practice", str(_DIAGNOSES[diagnosis]))
    return template.format(expected=shape_words(expected), given=shape_words(given or ()), count=count, total=total)


def question_text(item: Item, model_label: str, wrt_label: str = "") -> str:
    """What to compute, in words: ``Compute ∂L/∂W₃ (the gradient, step 8)``."""
    name = pretty(model_label)
    if item.ask == "value":
        return translate("Practice", "Compute the value of {name}.").format(name=name)
    if item.ask == "grad":
        return translate("Practice", "Compute the gradient ∂L/∂{name}.").format(name=name)
    if item.ask == "jacobian":
        return translate("Practice", "Compute the Jacobian ∂{name}/∂{wrt}, one row per output element.").format(
            name=name, wrt=pretty(wrt_label)
        )
    index = ", ".join(str(i + 1) for i in item.index or ())
    if item.of == "grad":
        return translate("Practice", "Compute one element: ∂L/∂{name} at ({index}).").format(name=name, index=index)
    return translate("Practice", "Compute one element: {name} at ({index}).").format(name=name, index=index)


def hint_text(rung: int, formula: str, shapes: tuple[tuple[str, tuple[int, ...]], ...], element: str) -> str:
    """The hint ladder's rung ``rung`` (1: the formula, 2: the shapes, 3: one element worked out)."""
    if rung == 1:
        return translate("Practice", "Hint 1, the formula: {formula}").format(formula=formula)
    if rung == 2:
        listed = ", ".join(f"{name}: {shape_words(shape)}" for name, shape in shapes)
        return translate("Practice", "Hint 2, the shapes: {shapes}").format(shapes=listed)
    return translate("Practice", "Hint 3, one element worked out: {element}").format(element=element)
