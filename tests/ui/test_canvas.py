"""The canvas: change the model or the session, assert the items; act on the view, assert the requests."""

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication

from explorer import Session, load_model
from explorer.model.examples import toy_model
from explorer.model.layout import chain_layout
from explorer.resources import example_path
from explorer.ui.canvas.edge_item import EdgeItem
from explorer.ui.canvas.items import NodeItem
from explorer.ui.canvas.scene import GraphScene, GraphView


@pytest.fixture
def model():
    return toy_model()


@pytest.fixture
def scene(qapp, model):
    scene = GraphScene()
    scene.set_model(model)
    yield scene
    scene.clear()


@pytest.fixture
def view(qtbot, scene):
    view = GraphView(scene)
    qtbot.addWidget(view)
    view.resize(900, 500)
    view.show()
    qtbot.waitExposed(view)
    view.fit_to_view()
    return view


def _states(scene):
    return {n: item.state for n, item in scene.node_items.items()}


def _reached(scene):
    return {n: item.reached for n, item in scene.node_items.items()}


def _viewport_point(view, node_id):
    return view.mapFromScene(view.scene().node_item(node_id).scenePos())


# -- built from the model ----------------------------------------------------


def test_one_item_per_node_and_per_edge(scene, model):
    nodes = [item for item in scene.items() if isinstance(item, NodeItem)]
    edges = [item for item in scene.items() if isinstance(item, EdgeItem)]
    assert sorted(n.node_id for n in nodes) == sorted(model.order)
    assert len(edges) == model.graph.number_of_edges() == 8
    assert set(scene.edge_items) == set(model.graph.edges)


def test_items_sit_where_the_layout_puts_them(scene, model):
    for node, (x, y) in chain_layout(model).items():
        assert scene.node_item(node).pos() == QPointF(x, y)


def test_items_show_the_lectures_names_and_shapes(scene):
    h1 = scene.node_item("H1")
    assert (h1.label, h1.op, h1.shape_text, h1.role) == ("H₁", "linear", "(3, 1)", "op")
    assert scene.node_item("Yhat").label == "Ŷ"
    assert scene.node_item("W3").role == "leaf"
    assert scene.node_item("L").role == "loss"
    assert scene.edge_item("H1", "H2").value_text == "H₁ (3, 1)"
    assert scene.edge_item("W2", "H2").value_text == "W₂ (3, 3)"
    assert scene.edge_item("H1", "H2").grad_text == "∂L/∂H₁"
    assert scene.edge_item("W3", "Yhat").port == "w"


def test_edges_follow_their_nodes(scene):
    edge = scene.edge_item("H1", "H2")
    before = edge.boundingRect()
    scene.node_item("H2").setPos(scene.node_item("H2").pos() + QPointF(0, 200))
    assert edge.boundingRect() != before
    assert edge.boundingRect().bottom() > before.bottom() + 100


def test_an_edge_between_overlapping_boxes_draws_nothing(scene):
    edge = scene.edge_item("H1", "H2")
    scene.node_item("H2").setPos(scene.node_item("H1").pos() + QPointF(30, 10))
    assert edge.boundingRect().isEmpty()
    scene.node_item("H2").setPos(scene.node_item("H1").pos() + QPointF(0, 300))
    assert not edge.boundingRect().isEmpty()


def test_set_model_with_another_model_rebuilds(scene, model):
    scene.set_selected("H1")
    deep = load_model(example_path("deep_sigmoid"))
    scene.set_model(deep)
    assert scene.model is deep
    assert set(scene.node_items) == set(deep.order)
    assert len([i for i in scene.items() if isinstance(i, EdgeItem)]) == deep.graph.number_of_edges()
    assert scene.selected == "H1"  # H1 is in both: the focus ring stays
    assert scene.node_item("H1").is_selected
    scene.set_model(model)
    assert len([i for i in scene.items() if isinstance(i, NodeItem)]) == len(model.order)


# -- coloured by the session -------------------------------------------------


def test_before_any_step_leaves_have_values_and_ops_are_idle(scene, model):
    scene.update_state(Session(model))
    states = _states(scene)
    assert {states[n] for n in model.leaves} == {"value"}
    assert {states[n] for n in model.op_nodes} == {"idle"}
    assert not any(item.is_current for item in scene.node_items.values())
    assert not any(edge.is_current or edge.value_flowed or edge.grad_flowed for edge in scene.edge_items.values())


def test_after_one_step_h1_is_the_current_value(scene, model):
    session = Session(model)
    session.step()
    scene.update_state(session)
    h1 = scene.node_item("H1")
    assert (h1.reached, h1.is_current, h1.state) == ("value", True, "current")
    assert [n for n, item in scene.node_items.items() if item.is_current] == ["H1"]
    assert scene.node_item("H2").state == "idle"
    session.step()
    scene.update_state(session)
    assert (h1.reached, h1.is_current, h1.state) == ("value", False, "value")


def test_after_the_whole_pass_every_node_has_its_gradient(scene, model):
    session = Session(model)
    session.run()
    scene.update_state(session)
    # the data (X, Y: "requires_grad": false) keeps its value; every other node has its gradient
    data = {n for n in model.order if not model.requires_grad(n)}
    assert data == {"X", "Y"}
    assert _reached(scene) == {n: "value" if n in data else "grad" for n in model.order}
    assert _states(scene) == {n: "current" if n == "W1" else "value" if n in data else "grad" for n in model.order}
    # every edge carried its value; a gradient flowed back along each but those into the data
    for (source, _dest), edge in scene.edge_items.items():
        assert edge.value_flowed
        assert edge.grad_flowed == (source not in data), source


def test_stepping_back_greys_out_again(scene, model):
    session = Session(model)
    session.run()
    scene.update_state(session)
    session.reset()
    scene.update_state(session)
    assert _states(scene) == {n: "value" if n in model.leaves else "idle" for n in model.order}


def _current_edges(scene):
    return {key: edge.current_phase for key, edge in scene.edge_items.items() if edge.is_current}


def test_a_forward_step_highlights_the_edges_into_its_node(scene, model):
    session = Session(model)
    session.seek(2)  # forward H2
    assert session.current.node == "H2"
    scene.update_state(session)
    assert _current_edges(scene) == {("H1", "H2"): "forward", ("W2", "H2"): "forward"}
    assert scene.edge_item("H1", "H2").value_flowed
    assert not scene.edge_item("H2", "Yhat").value_flowed


def test_a_backward_step_highlights_the_edges_from_its_consumers(scene, model):
    session = Session(model)
    while session.current is None or (session.current.phase, session.current.node) != ("backward", "H2"):
        session.step()
    scene.update_state(session)
    assert _current_edges(scene) == {("H2", "Yhat"): "backward"}
    assert scene.edge_item("H2", "Yhat").grad_flowed
    assert not scene.edge_item("W2", "H2").grad_flowed  # W2's gradient comes next
    session.step()  # backward W2
    scene.update_state(session)
    assert _current_edges(scene) == {("W2", "H2"): "backward"}


def test_a_session_on_another_model_rebuilds_the_scene(scene):
    deep = load_model(example_path("deep_sigmoid"))
    scene.update_state(Session(deep))
    assert scene.model is deep
    assert "A7" in scene.node_items


def test_set_selected_moves_the_focus_ring(scene):
    scene.set_selected("W2")
    assert scene.node_item("W2").is_selected
    scene.set_selected("H1")
    assert [n for n, item in scene.node_items.items() if item.is_selected] == ["H1"]
    scene.set_selected(None)
    assert scene.selected is None
    assert not any(item.is_selected for item in scene.node_items.values())


def test_an_unknown_state_is_refused(scene):
    with pytest.raises(ValueError, match="unknown node state"):
        scene.node_item("H1").set_state("done")


# -- requests from the mouse ---------------------------------------------------


def test_clicking_a_node_selects_it(qtbot, view, scene):
    with qtbot.waitSignal(scene.node_selected) as blocker:
        qtbot.mouseClick(view.viewport(), Qt.LeftButton, pos=_viewport_point(view, "W2"))
    assert blocker.args == ["W2"]
    assert scene.selected == "W2"


def test_dragging_a_node_requests_a_move_and_leaves_the_model_alone(qtbot, view, scene, model):
    start = _viewport_point(view, "H2")
    end = start + QPoint(60, 40)
    with qtbot.waitSignal(scene.node_move_requested) as blocker:
        qtbot.mousePress(view.viewport(), Qt.LeftButton, pos=start)
        qtbot.mouseMove(view.viewport(), pos=start + QPoint(30, 20))
        qtbot.mouseMove(view.viewport(), pos=end)
        qtbot.mouseRelease(view.viewport(), Qt.LeftButton, pos=end)
    node, x, y = blocker.args
    assert node == "H2"
    old_x, old_y = chain_layout(model)["H2"]
    assert x > old_x + 10
    assert y > old_y + 10
    assert model.spec("H2").pos is None


def test_a_click_without_a_drag_requests_no_move(qtbot, view, scene):
    with qtbot.assertNotEmitted(scene.node_move_requested):
        qtbot.mouseClick(view.viewport(), Qt.LeftButton, pos=_viewport_point(view, "H1"))


def test_a_rebuild_while_releasing_a_drag_is_safe(qtbot, view, scene, model):
    scene.node_move_requested.connect(lambda *_: scene.set_model(model))
    start = _viewport_point(view, "W1")
    qtbot.mousePress(view.viewport(), Qt.LeftButton, pos=start)
    qtbot.mouseMove(view.viewport(), pos=start + QPoint(25, 0))
    with qtbot.waitSignal(scene.node_move_requested):
        qtbot.mouseRelease(view.viewport(), Qt.LeftButton, pos=start + QPoint(25, 0))
    QApplication.processEvents()
    assert scene.node_item("W1").pos() == QPointF(*chain_layout(model)["W1"])  # the model wins


def test_double_clicking_a_node_is_reported(qtbot, view, scene):
    with qtbot.waitSignal(scene.node_double_clicked) as blocker:
        qtbot.mouseDClick(view.viewport(), Qt.LeftButton, pos=_viewport_point(view, "Yhat"))
    assert blocker.args == ["Yhat"]


def test_double_clicking_empty_space_fits(qtbot, view, scene):
    view.zoom_by(3.0)
    zoomed = view.zoom()
    empty = view.mapFromScene(QPointF(-60, -90))
    assert not [i for i in view.items(empty) if isinstance(i, NodeItem)]
    qtbot.mouseDClick(view.viewport(), Qt.LeftButton, pos=empty)
    assert view.zoom() < zoomed


# -- the view ----------------------------------------------------------------


def _wheel(view, steps, at=None):
    at = QPointF(view.viewport().rect().center()) if at is None else at
    for _ in range(abs(steps)):
        event = QWheelEvent(
            at,
            QPointF(view.viewport().mapToGlobal(at.toPoint())),
            QPoint(0, 0),
            QPoint(0, 120 if steps > 0 else -120),
            Qt.NoButton,
            Qt.NoModifier,
            Qt.NoScrollPhase,
            False,
        )
        QApplication.sendEvent(view.viewport(), event)


def test_wheel_zooms_and_stays_clamped(view):
    before = view.zoom()
    _wheel(view, 1)
    assert view.zoom() > before
    _wheel(view, 60)
    assert view.zoom() == pytest.approx(GraphView.MAX_ZOOM)
    _wheel(view, -120)
    assert view.zoom() == pytest.approx(GraphView.MIN_ZOOM)


def test_wheel_zoom_keeps_the_point_under_the_mouse(view):
    at = QPointF(_viewport_point(view, "H2"))
    under = view.mapToScene(at.toPoint())
    _wheel(view, 3, at)
    after = view.mapToScene(at.toPoint())
    assert abs(after.x() - under.x()) < 3
    assert abs(after.y() - under.y()) < 3


def test_fit_to_view_shows_everything_without_zooming_in_too_far(qtbot, view, scene):
    view.fit_to_view()
    visible = view.mapToScene(view.viewport().rect()).boundingRect()
    assert visible.contains(scene.itemsBoundingRect())
    assert view.zoom() <= GraphView.FIT_MAX_ZOOM
    view.resize(4000, 2500)
    view.fit_to_view()
    assert view.zoom() == pytest.approx(GraphView.FIT_MAX_ZOOM)


def test_dragging_the_background_pans(qtbot, view):
    empty = view.mapFromScene(QPointF(-60, -90))
    before = view.mapToScene(view.viewport().rect().center())
    qtbot.mousePress(view.viewport(), Qt.LeftButton, pos=empty)
    qtbot.mouseMove(view.viewport(), pos=empty + QPoint(80, 50))
    qtbot.mouseRelease(view.viewport(), Qt.LeftButton, pos=empty + QPoint(80, 50))
    after = view.mapToScene(view.viewport().rect().center())
    assert after.x() < before.x() - 20
    assert after.y() < before.y() - 10


def test_view_refits_on_resize_until_the_person_zooms(qtbot):
    from explorer.engine import Session
    from explorer.model.examples import toy_model
    from explorer.ui.canvas.scene import GraphScene, GraphView

    scene = GraphScene()
    scene.set_model(toy_model())
    scene.update_state(Session(toy_model()))
    view = GraphView(scene)
    qtbot.addWidget(view)
    view.resize(400, 300)
    view.show()
    view.fit_to_view()
    small = view.zoom()
    view.resize(1200, 900)
    qtbot.waitUntil(lambda: view.zoom() > small)
    larger = view.zoom()
    view.zoom_by(1.5)
    zoomed = view.zoom()
    assert zoomed == pytest.approx(larger * 1.5)
    view.resize(500, 400)
    qtbot.waitUntil(lambda: view.viewport().width() <= 500)
    assert view.zoom() == pytest.approx(zoomed)  # the person's zoom is kept


def test_edge_labels_never_overlap_with_a_weight_and_a_bias_side_by_side(qtbot):
    from explorer.engine import Session
    from explorer.model import edit as edits
    from explorer.model.examples import toy_model
    from explorer.ui.canvas.scene import GraphScene

    model = edits.set_bias(edits.set_bias(toy_model(), 0, True), 2, True)
    session = Session(model)
    session.run()
    scene = GraphScene()
    scene.set_model(model)
    scene.update_state(session)
    rects = []
    for edge in scene.edge_items.values():
        for label in (edge._value_label, edge._grad_label):
            assert label is not None
            rects.append((edge.value_text, edge.mapRectToScene(label.rect)))
    for i, (name_a, a) in enumerate(rects):
        for name_b, b in rects[i + 1:]:
            assert not a.intersects(b), f"labels of {name_a} and {name_b} overlap"
