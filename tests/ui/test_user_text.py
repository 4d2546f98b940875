"""User text (labels, ids, model and file names) is shown as plain text, and long text stays cheap."""

import os
import subprocess
import sys
import textwrap

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QTextDocumentFragment

from explorer.engine import Session
from explorer.model import Model
from explorer.model.examples import toy_model
from explorer.ui.canvas.items import NodeItem
from explorer.ui.inspector.heatmap import MatrixView
from explorer.ui.inspector.jacobian_view import JacobianView
from explorer.ui.inspector.panel import TAB_JACOBIAN


def _relabelled(labels: dict[str, str], name: str = "") -> Model:
    model = toy_model()
    return Model([spec.with_(label=labels.get(spec.id, spec.label)) for spec in model.specs], name or model.name)


def _shown(rich_or_plain: str) -> str:
    """What a rich-text string shows on screen."""
    return QTextDocumentFragment.fromHtml(rich_or_plain).toPlainText()


@pytest.fixture
def red_png(tmp_path):
    path = tmp_path / "red.png"
    image = QImage(40, 40, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.red)
    assert image.save(str(path))
    return path


def test_markup_in_labels_shows_as_the_characters_typed(window, qtbot, red_png):
    img = f'<img src="{red_png}">'
    model = _relabelled({"W3": img, "H1": "<b>bold</b>"}, name="<i>name</i>")
    window.controller.load(Session(model), str(red_png.parent / "<i>file<i>&amp;.json"))
    c = window.controller
    c.select("W3")
    # inspector title: rich text of ours, with the label escaped
    assert _shown(window.inspector.title.text()).startswith('<img src="/')  # elided, literal
    assert "<img" not in window.inspector.title.text()
    assert img in _shown(window.inspector.title.toolTip())
    # node list and its tooltips
    texts = {window.node_list.item(r).data(Qt.ItemDataRole.UserRole): window.node_list.item(r).text()
             for r in range(window.node_list.count())}
    assert texts["W3"] == img[:23] + "…"  # clipped, literal
    assert texts["H1"] == "<b>bold</b>"
    for row in range(window.node_list.count()):
        tip = window.node_list.item(row).toolTip()
        assert not tip or tip.startswith("<p")  # always rich, so the node id inside is escaped
    # canvas tooltip and drawn label
    item = window.scene.node_items["W3"]
    assert img in _shown(item.toolTip())
    assert window.scene.node_items["H1"]._shown_label == "<b>bold</b>"
    # title bar and status line are plain text
    assert "<i>file<i>&amp;.json" in window.windowTitle()
    for label in (window.step_label, window.loss_label, window.inspector.subtitle):
        assert label.textFormat() == Qt.TextFormat.PlainText
    # step to H1 and look at every tab: the value title shows the label literally
    c.select("H1")
    c.step()
    window.inspector.tabs.setCurrentIndex(0)
    assert window.inspector.value_view.title_label.textFormat() == Qt.TextFormat.PlainText
    assert "<b>bold</b>" in window.inspector.value_view.title_text()
    window.inspector.tabs.setCurrentIndex(TAB_JACOBIAN)
    titles = [plot.plot.titleLabel.text for plot in window.inspector.jacobian_view._plots if plot.title]
    assert titles
    assert all("&lt;b&gt;bold&lt;/b&gt;" in t and "<b>" not in t for t in titles)
    assert all("<b>bold</b>" in _shown(t) for t in titles)
    window.grab()


def test_a_label_naming_a_fifo_or_dev_zero_reads_nothing(tmp_path):
    """A label that is an <img> of a named pipe or /dev/zero must not hang the window: run it with a timeout."""
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    script = textwrap.dedent(
        f'''
        import os
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        from explorer.engine import Session
        from explorer.model.examples import toy_model
        from explorer.model import Model
        from explorer.ui.shell.app import QuietDialogs, make_app, open_window
        model = toy_model()
        labels = {{"H1": '<img src="{fifo}">', "W1": '<img src="/dev/zero">', "Yhat": '<img src="{fifo}">'}}
        model = Model([s.with_(label=labels.get(s.id, s.label)) for s in model.specs], '<img src="{fifo}">')
        app = make_app(quiet=True)
        window = open_window(Session(model), "{fifo}", dialogs=QuietDialogs())
        window.resize(1200, 800)
        window.show()
        for node in ("H1", "W1", "Yhat"):
            window.controller.select(node)
            for tab in range(4):
                window.inspector.tabs.setCurrentIndex(tab)
                app.processEvents()
                window.grab()
            window.controller.step()
            window.controller.step()
        window.controller.run_to_end()
        window.grab()
        print("DONE")
        '''
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=90)
    assert result.returncode == 0, result.stderr
    assert "DONE" in result.stdout


def test_a_200_character_label_is_elided_in_the_inspector_and_on_the_canvas(window):
    long = "abcdefghij" * 20  # the longest label a model takes
    window.controller.load(Session(_relabelled({"W3": long})))
    window.controller.select("W3")
    title = _shown(window.inspector.title.text())
    assert "…" in title
    assert len(title) < 120
    assert long in _shown(window.inspector.title.toolTip())  # the whole label is one hover away
    shown = window.scene.node_items["W3"]._shown_label
    assert shown.endswith("…")
    assert len(shown) < 20
    for _ in range(3):  # stepping and drawing work on the clipped label (speed is the benchmarks' to measure)
        window.controller.step()
    window.grab()
    assert window.scene.node_items["W3"]._shown_label == shown


def test_a_100000_character_label_given_directly_costs_little(qtbot):
    huge = "<b>" + "x" * 100_000  # every view keeps a clipped copy: cheap by size, not by a clock
    item = NodeItem("W3", huge, "param", (3, 2), "leaf", huge)
    assert len(item._shown_label) < 40
    assert len(item.toolTip()) < 2000
    view = MatrixView()
    qtbot.addWidget(view)
    view.resize(400, 400)
    view.show()
    view.set_matrix(np.ones((2, 2)), huge)
    view.grab()
    assert len(view.title_text()) < 400
    assert len(view.describe_cell(0, 0)) < 300
    jac = JacobianView()
    qtbot.addWidget(jac)
    jac.resize(500, 500)
    jac.show()
    jac.set_jacobian(np.ones((2, 2)), huge, huge, (2,), (2,))
    jac.grab()
    view.show_message(f"{huge} is not reached yet")
    jac.show_message(f"{huge} is too large")
    view.grab()
    jac.grab()
    assert len(view.message_label.text()) <= 1000


def test_the_graph_export_keeps_hostile_text_literal_and_valid():
    import xml.etree.ElementTree as ET

    from explorer.ui.canvas.image import render_graph

    model = _relabelled({"W3": '<img src="/dev/zero">&amp;', "H1": "<b>bold</b>"}, name="<title>x</title>")
    session = Session(model)
    session.run()
    png, svg = render_graph(session)
    assert png.startswith(b"\x89PNG")
    root = ET.fromstring(svg)  # well-formed: markup escaped (a model refuses control characters)
    texts = [e.text for e in root.iter() if e.text]
    assert "<title>x</title>" in texts
    assert "<b>bold</b>" in texts
    assert any(t.startswith("<img src=") for t in texts)


def test_a_long_label_is_elided_again_when_the_inspector_widens(window, qtbot):
    long = "abcdefghij" * 20  # the longest label a model takes
    window.controller.load(Session(_relabelled({"W3": long})))
    window.controller.select("W3")
    window.inspector.resize(420, 600)
    narrow = _shown(window.inspector.title.text())
    window.inspector.resize(1200, 600)
    wide = _shown(window.inspector.title.text())
    assert narrow.endswith("param · (3, 2)")
    assert len(wide) > len(narrow)
