"""The leaves: data and parameters. Their value is given; they have no rule of their own."""

from __future__ import annotations

from explorer.ops.entry import QT_TRANSLATE_NOOP, Op

INPUT = Op("input", "leaf", QT_TRANSLATE_NOOP("Op", "input"), QT_TRANSLATE_NOOP("Op", "input data"))
PARAM = Op("param", "leaf", QT_TRANSLATE_NOOP("Op", "param"), QT_TRANSLATE_NOOP("Op", "trainable parameter"))
TARGET = Op("target", "leaf", QT_TRANSLATE_NOOP("Op", "target"), QT_TRANSLATE_NOOP("Op", "target data"))

LEAVES = (INPUT, PARAM, TARGET)
