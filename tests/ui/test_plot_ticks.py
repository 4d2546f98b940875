"""The plots' axes read as plain numbers: ticks read from the axes themselves, over extreme ranges.

Each test draws a plot, lets pyqtgraph choose its ticks (``tickValues``),
then reads what it writes (``tickStrings`` and the labels ``generateDrawSpecs``
keeps to draw): every label is a number that lies within the axis's range, in
order, with the real minus sign and no superscripts; the axis title carries no
multiplier; no two drawn labels touch.
"""

from __future__ import annotations

import math
import re
import xml.etree.ElementTree as ET

import numpy as np
import pytest
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QApplication

from explorer.ui.lab.activation_plot import ActivationPlot
from explorer.ui.lab.plot_export import plot_svg
from explorer.ui.lab.plots import GradNormPlot, LossPlot
from explorer.ui.lab.ticks import PlainAxis, log_tick_strings, tick_strings
from explorer.ui.shell.app import make_app

NUMBER = re.compile(r"^−?\d+(\.\d+)?(e−?\d+)?$")
SUPERSCRIPTS = set("⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁺·")


def as_float(label: str) -> float:
    assert NUMBER.match(label), f"tick label {label!r} is not a plain number"
    return float(label.replace("−", "-"))


def settle(widget, qtbot, size):
    widget.resize(*size)
    widget.show()
    qtbot.waitExposed(widget)
    for _ in range(3):
        QApplication.processEvents()


def drawn_labels(axis):
    """The tick labels the axis draws, with their rectangles in scene coordinates."""
    image = QImage(10, 10, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    try:
        specs = axis.generateDrawSpecs(painter)
    finally:
        painter.end()
    assert specs is not None
    return [(axis.mapRectToScene(rect), text) for rect, _flags, text in specs[2]]


def chosen_labels(axis):
    """Every tick value the axis chose and the string it writes for it, level by level."""
    low, high = axis.range
    length = axis.geometry().height() if axis.orientation in ("left", "right") else axis.geometry().width()
    pairs = []
    for spacing, values in axis.tickValues(low, high, length):
        strings = axis.tickStrings(values, axis.autoSIPrefixScale * axis.scale, spacing)
        pairs += list(zip(values, strings, strict=True))
    return pairs


def check_axis(axis):
    """Labels are plain numbers within the range, titles carry no multiplier, drawn labels do not touch."""
    assert isinstance(axis, PlainAxis)
    assert axis.autoSIPrefixScale == 1.0
    title = axis.labelString()
    assert "(x" not in title
    assert "e+" not in title
    pairs = chosen_labels(axis)
    assert pairs, f"the {axis.orientation} axis chose no ticks over {axis.range}"
    low, high = sorted(axis.range)
    for value, label in pairs:
        number = as_float(label)
        assert not SUPERSCRIPTS & set(label), label
        shown_value = 10.0**value if axis.logMode and value < 308 else value
        if not axis.logMode:
            assert number == pytest.approx(shown_value, rel=1e-6, abs=1e-9 * max(abs(low), abs(high))), (value, label)
        elif value < 300:
            assert number == pytest.approx(shown_value, rel=1e-5), (value, label)
        assert low - 1e-9 * (high - low) <= value <= high + 1e-9 * (high - low)
    drawn = drawn_labels(axis)
    assert drawn, f"the {axis.orientation} axis draws no label"
    for i, (rect, text) in enumerate(drawn):
        for other, other_text in drawn[i + 1 :]:
            assert not rect.intersects(other), f"tick labels {text!r} and {other_text!r} overlap"
    return [label for _, label in drawn]


@pytest.mark.parametrize(
    "losses",
    [
        np.geomspace(1e27, 1e-300, 60),
        np.geomspace(0.71, 0.59, 30),
        np.geomspace(0.7, 0.69, 30),
        np.geomspace(2e-5, 1e-5, 30),
        np.array([1e27, 3e26, 1e26]),
    ],
    ids=["1e27 to 1e-300", "0.71 to 0.59", "0.7 to 0.69", "2e-5 to 1e-5", "1e27 to 1e26"],
)
@pytest.mark.parametrize("log", [False, True], ids=["linear", "log"])
def test_the_loss_axis_reads_plain_numbers(qtbot, losses, log):
    make_app()
    plot = LossPlot()
    qtbot.addWidget(plot)
    plot.set_history(losses, "run")
    plot.set_log(log)
    settle(plot, qtbot, (420, 300))
    labels = check_axis(plot.plot.getAxis("left"))
    check_axis(plot.plot.getAxis("bottom"))
    if log and len(losses) == 60:  # 327 decades: powers of ten far past a float's digits, written short
        assert any(re.match(r"^1e−\d{3}$", label) for label in labels), labels


def test_a_loss_of_1e27_reads_1e27_not_a_factor_in_the_title(qtbot):
    make_app()
    plot = LossPlot()
    qtbot.addWidget(plot)
    plot.set_history([1e27, 2e27, 3e27], "run")
    settle(plot, qtbot, (420, 300))
    axis = plot.plot.getAxis("left")
    labels = check_axis(axis)
    assert any(label.endswith("e27") for label in labels), labels
    assert axis.labelString().count("loss") == 1


def test_the_gradient_norms_read_0_7_not_7_10_squared(qtbot):
    make_app()
    plot = GradNormPlot()
    qtbot.addWidget(plot)
    norms = np.column_stack([np.linspace(0.7, 0.6, 20), np.linspace(0.65, 0.62, 20)])
    plot.set_history(["W₁", "W₂"], norms)
    plot.set_pass(["W₁", "W₂"], [0.6, 0.7])
    plot.throttle.draw_now()  # the pass's norms drawn now, not when the throttle's timer comes
    settle(plot, qtbot, (700, 300))
    for item in (plot.depth_plot, plot.history_plot):
        labels = check_axis(item.getAxis("left"))
        assert {"0.6", "0.7"} & set(labels), labels
    check_axis(plot.history_plot.getAxis("bottom"))


@pytest.mark.parametrize("size", [(1000, 260), (520, 200), (360, 150)])
def test_the_activation_plots_labels_never_touch(qtbot, size):
    make_app()
    plot = ActivationPlot()
    qtbot.addWidget(plot)
    settle(plot, qtbot, size)
    for item in plot.plots.values():
        left, bottom = item.getAxis("left"), item.getAxis("bottom")
        check_axis(left)
        check_axis(bottom)
        corner = drawn_labels(left) + drawn_labels(bottom)
        for i, (rect, text) in enumerate(corner):
            for other, other_text in corner[i + 1 :]:
                assert not rect.intersects(other), f"{text!r} and {other_text!r} overlap at the corner"


def test_the_exported_picture_carries_the_same_ticks(qtbot):
    make_app()
    plot = LossPlot()
    qtbot.addWidget(plot)
    plot.set_history(np.geomspace(1e27, 1e-300, 60), "run")
    plot.set_log(True)
    settle(plot, qtbot, (420, 300))
    drawn = check_axis(plot.plot.getAxis("left"))
    svg = ET.fromstring(plot_svg(plot.plot))
    texts = {"".join(el.itertext()).strip() for el in svg.iter() if el.tag.endswith("text")}
    assert set(drawn) <= texts, (drawn, texts)
    assert not any("x1e" in t or SUPERSCRIPTS & set(t) for t in texts), texts


@pytest.mark.parametrize(
    ("values", "spacing", "expected"),
    [
        ([0.6, 0.65, 0.7], 0.05, ["0.60", "0.65", "0.70"]),
        ([-0.2, 0.0, 0.2], 0.2, ["−0.2", "0", "0.2"]),
        ([0.1 + 0.2, 0.4], 0.1, ["0.3", "0.4"]),
        ([0.0, 2e26, 4e26], 2e26, ["0", "2e26", "4e26"]),
        ([1e-300, 2e-300], 1e-300, ["1e−300", "2e−300"]),
        ([0.0, 50000.0, 100000.0], 50000.0, ["0", "50000", "100000"]),
        ([1e-5, 1.5e-5], 5e-6, ["1e−5", "1.5e−5"]),
    ],
)
def test_tick_strings(values, spacing, expected):
    assert tick_strings(values, spacing) == expected


def test_log_tick_strings_from_1e_minus_300_to_1e27():
    powers = [float(k) for k in range(-300, 28)]
    labels = log_tick_strings(powers)
    assert labels[0] == "1e−300"
    assert labels[-1] == "1e27"
    assert labels[powers.index(-1.0)] == "0.1"
    assert labels[powers.index(0.0)] == "1"
    for power, label in zip(powers, labels, strict=True):
        assert float(label.replace("−", "-")) == pytest.approx(10.0**power, rel=1e-12)
    assert log_tick_strings([math.log10(7e-4), math.log10(6e-1)]) == ["0.0007", "0.6"]


@pytest.mark.parametrize("points", [9.0, 10.5], ids=["9pt", "10.5pt"])
@pytest.mark.parametrize("size", [(1000, 260), (820, 260)])
def test_the_bounds_labels_sit_clear_of_the_curves_and_the_ticks(qtbot, size, points):
    from PySide6.QtCore import QPointF

    app = make_app()
    font = app.font()
    font.setPointSizeF(points)  # the everyday size, or larger text (the conftest puts the font back)
    app.setFont(font)
    plot = ActivationPlot()
    qtbot.addWidget(plot)
    settle(plot, qtbot, size)
    assert plot.marks
    for name, line in plot.marks.items():
        item = plot.plots[name]
        label = line.label.sceneBoundingRect()
        assert label.width() > 0
        for curve in plot.curves[name]:
            xs, ys = curve.getData()
            inside = [(x, y) for x, y in zip(xs, ys, strict=True) if label.contains(item.vb.mapViewToScene(QPointF(x, y)))]
            assert not inside, f"{plot.mark_text(name)!r} covers the curve at {inside[:3]}"
        for axis in (item.getAxis("left"), item.getAxis("bottom")):
            for rect, text in drawn_labels(axis):
                assert not rect.intersects(label), f"{plot.mark_text(name)!r} covers the tick {text!r}"
