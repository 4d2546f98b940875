"""Making an exercise set from a model, and the expected answer of an item (from the engine).

>>> from explorer.model.examples import toy_model
>>> exercises = make_exercises(toy_model(), count=4, seed=1)
>>> [item.step for item in exercises.items]
[2, 6, 9, 11]
>>> exercises.items[0].ask, expected(exercises, exercises.items[0]).shape
('jacobian', (3, 1, 3, 1))
"""

from __future__ import annotations

import math

import numpy as np
import numpy.typing as npt

from explorer.engine import Session
from explorer.model import Model, ModelError
from explorer.practice.items import MAX_ANSWER_ELEMENTS, MAX_ITEMS, Exercises, Item

Array = npt.NDArray[np.float64]

#: Largest Jacobian :func:`make_exercises` asks for: a student types it.
MAX_MADE_JACOBIAN = 24
DEFAULT_COUNT = 8
#: Largest model (numbers in its leaves) an exercise file is made of: the file holds every one of them.
MAX_MODEL_NUMBERS = 1_000_000
#: How often each kind of question is drawn, relative to the others at its step.
_WEIGHTS = {"value": 3.0, "grad": 3.0, "element": 2.0, "jacobian": 2.0}


def session_at(exercises: Exercises, step: int) -> Session:
    session = Session(exercises.model)
    session.seek(step)
    return session


def expected(exercises: Exercises, item: Item, session: Session | None = None) -> Array:
    """The right answer of ``item``, computed by the engine at the item's step (``session`` is moved there)."""
    session = session or Session(exercises.model)
    session.seek(item.step)
    if item.ask == "jacobian":
        assert item.wrt is not None
        return session.jacobian(item.node, item.wrt)
    kind = item.of if item.ask == "element" else item.ask
    array = session.value(item.node) if kind == "value" else session.grad(item.node)
    assert array is not None  # reading the file checked the item is answerable at its step
    if item.ask == "element":
        assert item.index is not None
        return np.asarray(array[item.index], dtype=np.float64)
    return np.asarray(array, dtype=np.float64)


def _choices(model: Model, session: Session) -> list[list[tuple[str, str | None]]]:
    """Per step of the plan, the things one may ask there: ``(ask, wrt)``."""
    per_step: list[list[tuple[str, str | None]]] = []
    for step in session.plan:
        node = step.node
        small = math.prod(model.shape(node)) <= MAX_ANSWER_ELEMENTS  # else only one element can be typed
        if step.phase == "forward":
            asks: list[tuple[str, str | None]] = ([("value", None)] if small else []) + [("element", "value")]
            for source in dict.fromkeys(model.inputs(node).values()):
                if math.prod(model.shape(node)) * math.prod(model.shape(source)) <= MAX_MADE_JACOBIAN:
                    asks.append(("jacobian", source))
        elif model.spec(node).info.is_loss or model.op(node) == "target":
            asks = []  # ∂L/∂L = 1 and ∂L/∂Y: nothing to practise
        else:
            asks = ([("grad", None)] if small else []) + [("element", "grad")]
        per_step.append(asks)
    return per_step


def make_exercises(model: Model, count: int = DEFAULT_COUNT, seed: int = 0) -> Exercises:
    """``count`` items spread evenly over the pass, the kind of each drawn with ``seed``.

    The pass is cut into ``count`` runs of steps of nearly equal length; each
    run gives one item at one of its steps, so the items follow the pass
    from the first forward step to the last backward step. When ``count``
    passes the steps there are to ask about, a step is asked about in
    several ways (its value, one element, its Jacobian).
    """
    if not 1 <= count <= MAX_ITEMS:
        raise ModelError(f"--count must be from 1 to {MAX_ITEMS}, got {count}")
    numbers = sum(math.prod(model.shape(node)) for node in model.leaves)
    if numbers > MAX_MODEL_NUMBERS:
        raise ModelError(
            f"the model holds {numbers:,} numbers; an exercise file, written out whole, holds at most {MAX_MODEL_NUMBERS:,}"
        )
    session = Session(model)
    session.run()  # every answer must be a finite number: a pass that overflows is refused here, naming its step
    rng = np.random.default_rng(seed)
    per_step = _choices(model, session)
    usable = [i for i, asks in enumerate(per_step) if asks]
    # one item per step while the steps suffice; past that, several kinds of question at a step
    pool: list[tuple[int, tuple[str, str | None] | None]] = [(i, None) for i in usable]
    if count > len(usable):
        pool = [(i, a) for i in usable for a in per_step[i]]
    if count > len(pool):
        raise ModelError(f"this model's pass has {len(pool)} things to ask about; --count {count} is more")
    items = []
    for number, run in enumerate(np.array_split(np.arange(len(pool)), count), start=1):
        position, chosen = pool[int(run[0]) if len(run) == 1 else int(run[rng.integers(len(run))])]
        step = session.plan[position]
        if chosen is None:
            asks = per_step[position]
            weights = np.asarray([_WEIGHTS[ask] for ask, _ in asks])
            chosen = asks[int(rng.choice(len(asks), p=weights / weights.sum()))]
        ask, extra = chosen
        item = Item(f"q{number}", step.index, ask, step.node)
        if ask == "jacobian":
            item = Item(item.id, step.index, ask, step.node, wrt=extra)
        elif ask == "element":
            shape = model.shape(step.node)
            index = tuple(int(rng.integers(n)) for n in shape)
            item = Item(item.id, step.index, ask, step.node, of=extra, index=index)
        items.append(item)
    name = model.name or "the network"
    title = {"en": f"{name}: by hand", "ko": f"{name}: 손으로 직접 구해보기"}
    return Exercises(model, tuple(items), title)
