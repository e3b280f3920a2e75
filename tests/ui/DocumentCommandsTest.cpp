// Document and commands without a display: every command type round-trips
// serialize -> redo -> undo -> serialize, and redo reproduces the edited state exactly.
#include <QSignalSpy>
#include <QTest>

#include <functional>

#include "causeway/graph/DagittySyntax.hpp"
#include "causeway/ui/document/AddEdgeCommand.hpp"
#include "causeway/ui/document/AddNodeCommand.hpp"
#include "causeway/ui/document/GraphDocument.hpp"
#include "causeway/ui/document/GraphEdits.hpp"
#include "causeway/ui/document/LayoutCommand.hpp"
#include "causeway/ui/document/ModelImport.hpp"
#include "causeway/ui/document/MoveNodesCommand.hpp"
#include "causeway/ui/document/RemoveItemsCommand.hpp"
#include "causeway/ui/document/RenameNodeCommand.hpp"
#include "causeway/ui/document/ReplaceModelCommand.hpp"
#include "causeway/ui/document/SetPinnedCommand.hpp"
#include "causeway/ui/document/SetRolesCommand.hpp"
#include "causeway/ui/document/UndoSuspender.hpp"

using namespace causeway;
using namespace causeway::ui;
using graph::EdgeKind;
using graph::NodeId;

namespace {

const char* kModel = R"(dag {
X [exposure,pos="0,2"]
Y [outcome,pos="2,2"]
A [pos="0,0"]
B [pos="2,0"]
M [pos="1,1"]
U [latent,pos="1,3"]
A -> X
A -> M
B -> M
B -> Y
X -> Y
U -> X
X <-> B
})";

NodeId id(const GraphDocument& d, const char* name) { return *d.graph().findNode(name); }

void load(GraphDocument& d) {
  auto parsed = graph::parseDagitty(kModel);
  QVERIFY(parsed.ok());
  edits::loadModel(d, *parsed);
}

}  // namespace

class DocumentCommandsTest : public QObject {
  Q_OBJECT

  // Pushes the edit made by `edit`, checks with `intended` that it made the change it was meant to
  // (after the edit and again after redo), then that undo/redo round-trip the serialization.
  void roundTrip(const std::function<void(GraphDocument&)>& edit,
                 const std::function<void(const GraphDocument&)>& intended,
                 const std::function<void(GraphDocument&)>& prepare = {}) {
    GraphDocument d;
    load(d);
    if (prepare) {
      prepare(d);
      d.undoStack()->clear();
    }
    const QString before = d.serialize();
    const graph::CausalGraph graphBefore = d.graph();
    const int depth = d.undoStack()->count();
    edit(d);
    QCOMPARE(d.undoStack()->count(), depth + 1);  // one undo step
    const QString after = d.serialize();
    QVERIFY2(after != before, "the edit changed nothing");
    intended(d);
    d.undoStack()->undo();
    QCOMPARE(d.serialize(), before);
    QVERIFY(d.graph() == graphBefore);
    d.undoStack()->redo();
    QCOMPARE(d.serialize(), after);
    intended(d);
    d.undoStack()->undo();
    QCOMPARE(d.serialize(), before);
  }

 private Q_SLOTS:
  void loadIsNotUndoable() {
    GraphDocument d;
    load(d);
    QCOMPARE(d.graph().nodeCount(), 6U);
    QCOMPARE(d.undoStack()->count(), 0);
    QVERIFY(d.undoStack()->isClean());
    // DAGitty units scaled to the canvas: neighbours well apart.
    QVERIFY(d.coordinateScale() > 80.0);
  }

  void addNode() {
    roundTrip([](GraphDocument& d) { d.exec(new AddNodeCommand(d, {d.graph().nextNodeId(), "W", {}, graph::Point{3, 1}})); },
              [](const GraphDocument& d) {
                QCOMPARE(d.graph().nodeCount(), 7U);
                QCOMPARE(d.graph().node(id(d, "W")).position, (std::optional<graph::Point>{graph::Point{3, 1}}));
              });
  }
  void addEdge() {
    roundTrip([](GraphDocument& d) { QVERIFY(edits::addEdge(d, id(d, "M"), id(d, "Y")).ok()); },
              [](const GraphDocument& d) {
                QVERIFY(d.graph().hasEdge(id(d, "M"), id(d, "Y"), EdgeKind::Directed));
                QCOMPARE(d.graph().edgeCount(), 8U);
              });
    roundTrip([](GraphDocument& d) { QVERIFY(edits::addEdge(d, id(d, "A"), id(d, "Y"), EdgeKind::Bidirected).ok()); },
              [](const GraphDocument& d) {
                QVERIFY(d.graph().hasEdge(id(d, "A"), id(d, "Y"), EdgeKind::Bidirected));
                QVERIFY(!d.graph().hasEdge(id(d, "A"), id(d, "Y"), EdgeKind::Directed));
                QCOMPARE(d.graph().edgeCount(), 8U);
              });
  }
  void removeNodeRestoresEdgesAndOrder() {
    // X has four of the seven edges (A -> X, X -> Y, U -> X, X <-> B).
    roundTrip([](GraphDocument& d) { edits::removeItems(d, {id(d, "X")}, {}); },
              [](const GraphDocument& d) {
                QVERIFY(!d.graph().findNode("X"));
                QCOMPARE(d.graph().nodeCount(), 5U);
                QCOMPARE(d.graph().edgeCount(), 3U);
              });
    // A and M have three (A -> X, A -> M, B -> M).
    roundTrip([](GraphDocument& d) { edits::removeItems(d, {id(d, "A"), id(d, "M")}, {}); },
              [](const GraphDocument& d) {
                QVERIFY(!d.graph().findNode("A") && !d.graph().findNode("M"));
                QCOMPARE(d.graph().nodeCount(), 4U);
                QCOMPARE(d.graph().edgeCount(), 4U);
              });
  }
  void removeEdges() {
    roundTrip([](GraphDocument& d) {
      edits::removeItems(d, {}, {{id(d, "A"), id(d, "M"), EdgeKind::Directed, {}},
                                 {id(d, "B"), id(d, "X"), EdgeKind::Bidirected, {}}});
    },
              [](const GraphDocument& d) {
                QVERIFY(!d.graph().hasEdge(id(d, "A"), id(d, "M"), EdgeKind::Directed));
                QVERIFY(!d.graph().hasEdge(id(d, "X"), id(d, "B"), EdgeKind::Bidirected));
                QCOMPARE(d.graph().edgeCount(), 5U);
                QCOMPARE(d.graph().nodeCount(), 6U);
              });
  }
  void removePinnedNode() {
    roundTrip([](GraphDocument& d) { edits::removeItems(d, {id(d, "M")}, {}); },
              [](const GraphDocument& d) {
                QVERIFY(!d.graph().findNode("M"));
                QCOMPARE(d.graph().edgeCount(), 5U);
              },
              [](GraphDocument& d) { edits::moveNodes(d, {{id(d, "M"), QPointF(10, 10)}}, MoveNodesCommand::newGesture()); });
  }
  void rename() {
    roundTrip([](GraphDocument& d) { QVERIFY(edits::renameNode(d, id(d, "M"), QStringLiteral("Mediator")).ok()); },
              [](const GraphDocument& d) {
                QVERIFY(!d.graph().findNode("M"));
                QCOMPARE(d.graph().parents(id(d, "Mediator")).size(), 2U);  // A and B, kept
              });
  }
  void setRoles() {
    roundTrip([](GraphDocument& d) { edits::toggleRole(d, {id(d, "M")}, graph::Role::Adjusted); },
              [](const GraphDocument& d) {
                QCOMPARE(d.graph().nodesWithRole(graph::Role::Adjusted), (std::vector<NodeId>{id(d, "M")}));
              });
    roundTrip([](GraphDocument& d) { edits::toggleRole(d, {id(d, "A"), id(d, "B")}, graph::Role::Selected); },
              [](const GraphDocument& d) {
                QCOMPARE(d.graph().nodesWithRole(graph::Role::Selected), (std::vector<NodeId>{id(d, "A"), id(d, "B")}));
              });
    roundTrip([](GraphDocument& d) { edits::setAdjustedSet(d, {id(d, "A"), id(d, "B")}); },
              [](const GraphDocument& d) {
                QCOMPARE(d.graph().nodesWithRole(graph::Role::Adjusted), (std::vector<NodeId>{id(d, "A"), id(d, "B")}));
              });
  }
  void pin() {
    roundTrip([](GraphDocument& d) { edits::setPinned(d, {id(d, "A"), id(d, "B")}, true); },
              [](const GraphDocument& d) { QVERIFY(d.isPinned(id(d, "A")) && d.isPinned(id(d, "B")) && !d.isPinned(id(d, "M"))); });
  }
  void move() {
    roundTrip([](GraphDocument& d) {
      edits::moveNodes(d, {{id(d, "A"), QPointF(33, 44)}, {id(d, "B"), QPointF(55, 66)}}, MoveNodesCommand::newGesture());
    },
              [](const GraphDocument& d) {
                QVERIFY(QLineF(d.scenePosition(id(d, "A")), QPointF(33, 44)).length() < 0.5);
                QVERIFY(QLineF(d.scenePosition(id(d, "B")), QPointF(55, 66)).length() < 0.5);
                QVERIFY(d.isPinned(id(d, "A")));  // a dragged node stays where it was put
              });
  }
  void layout() {
    roundTrip([](GraphDocument& d) {
      std::vector<NodeMove> moves{{id(d, "A"), std::nullopt, {5, 5}}, {id(d, "Y"), std::nullopt, {6, 6}}};
      d.exec(new LayoutCommand(d, moves, QStringLiteral("Auto-layout")));
    },
              [](const GraphDocument& d) {
                QCOMPARE(d.graph().node(id(d, "A")).position, (std::optional<graph::Point>{graph::Point{5, 5}}));
                QCOMPARE(d.graph().node(id(d, "Y")).position, (std::optional<graph::Point>{graph::Point{6, 6}}));
              });
  }
  void replaceModel() {
    roundTrip([](GraphDocument& d) {
      QVERIFY(edits::replaceModelText(d, QStringLiteral("dag { X [exposure] Y [outcome] Z -> X -> Y Z -> Y }")).ok());
    },
              [](const GraphDocument& d) {
                QCOMPARE(d.graph().nodeCount(), 3U);
                QCOMPARE(d.graph().edgeCount(), 3U);
                QVERIFY(d.graph().hasEdge(id(d, "Z"), id(d, "X"), EdgeKind::Directed));
                QVERIFY(!d.graph().findNode("A"));
              });
    roundTrip([](GraphDocument& d) {
      auto g = graph::parseDagitty("dag { P -> Q }");
      d.exec(new ReplaceModelCommand(d, *g, 42.0, {}));
    },
              [](const GraphDocument& d) {
                QCOMPARE(d.graph().nodeCount(), 2U);
                QVERIFY(d.graph().hasEdge(id(d, "P"), id(d, "Q"), EdgeKind::Directed));
                QCOMPARE(d.coordinateScale(), 42.0);
              });
  }

  void dragMergesIntoOneStep() {
    GraphDocument d;
    load(d);
    const QString before = d.serialize();
    const int gesture = MoveNodesCommand::newGesture();
    for (int step = 1; step <= 20; ++step) edits::moveNodes(d, {{id(d, "M"), QPointF(step * 3.0, step * 2.0)}}, gesture);
    QCOMPARE(d.undoStack()->count(), 1);
    QVERIFY(d.isPinned(id(d, "M")));
    QVERIFY(QLineF(d.scenePosition(id(d, "M")), QPointF(60, 40)).length() < 0.5);
    d.undoStack()->undo();
    QCOMPARE(d.serialize(), before);
    // A new gesture is a new step.
    edits::moveNodes(d, {{id(d, "M"), QPointF(1, 1)}}, MoveNodesCommand::newGesture());
    edits::moveNodes(d, {{id(d, "M"), QPointF(2, 2)}}, MoveNodesCommand::newGesture());
    QCOMPARE(d.undoStack()->count(), 2);
  }

  void cycleIsRefusedAndNamed() {
    GraphDocument d;
    load(d);
    const int depth = d.undoStack()->count();
    auto r = edits::addEdge(d, id(d, "Y"), id(d, "A"));
    QVERIFY(!r.ok());
    QCOMPARE(r.error().code, ErrorCode::Cycle);
    QVERIFY2(QString::fromStdString(r.error().message).contains(QStringLiteral("Y -> A -> X -> Y")),
             r.error().message.c_str());
    QCOMPARE(d.undoStack()->count(), depth);
    QVERIFY(!edits::addEdge(d, id(d, "X"), id(d, "X")).ok());
    QVERIFY(!edits::addEdge(d, id(d, "A"), id(d, "X")).ok());  // duplicate
  }

  void namesAreChecked() {
    GraphDocument d;
    load(d);
    QVERIFY(!edits::addNode(d, QStringLiteral("  "), {}).ok());
    QVERIFY(!edits::addNode(d, QStringLiteral("X"), {}).ok());
    QVERIFY(!edits::renameNode(d, id(d, "A"), QStringLiteral("B")).ok());
    QVERIFY(edits::addNode(d, QStringLiteral(" body mass "), {}).ok());
    QVERIFY(d.graph().findNode("body mass").has_value());
    QCOMPARE(edits::suggestName(d), QStringLiteral("V1"));
  }

  void rolesFollowDagittyKeys() {
    GraphDocument d;
    load(d);
    edits::toggleRole(d, {id(d, "Y")}, graph::Role::Exposure);  // outcome becomes exposure
    QVERIFY(d.graph().roles(id(d, "Y")).has(graph::Role::Exposure));
    QVERIFY(!d.graph().roles(id(d, "Y")).has(graph::Role::Outcome));
    edits::toggleRole(d, {id(d, "U")}, graph::Role::Adjusted);  // latent becomes adjusted
    QVERIFY(!d.graph().roles(id(d, "U")).has(graph::Role::Latent));
    edits::toggleRole(d, {id(d, "A"), id(d, "U")}, graph::Role::Adjusted);  // mixed: set on all
    QVERIFY(d.graph().roles(id(d, "A")).has(graph::Role::Adjusted));
    edits::toggleRole(d, {id(d, "A"), id(d, "U")}, graph::Role::Adjusted);  // all have it: clear
    QVERIFY(!d.graph().roles(id(d, "A")).has(graph::Role::Adjusted));
    QVERIFY(!d.graph().roles(id(d, "U")).has(graph::Role::Adjusted));
  }

  void undoWholeHistoryToEmpty() {
    GraphDocument d;
    const QString empty = d.serialize();
    auto a = edits::addNode(d, QStringLiteral("A"), {0, 0});
    auto b = edits::addNode(d, QStringLiteral("B"), {200, 0});
    auto c = edits::addNode(d, QStringLiteral("C"), {100, 100});
    QVERIFY(edits::addEdge(d, *a, *b).ok());
    QVERIFY(edits::addEdge(d, *c, *a).ok());
    QVERIFY(edits::addEdge(d, *c, *b).ok());
    edits::toggleRole(d, {*a}, graph::Role::Exposure);
    edits::toggleRole(d, {*b}, graph::Role::Outcome);
    edits::removeItems(d, {*c}, {});
    QVERIFY(edits::renameNode(d, *a, QStringLiteral("X")).ok());
    const QString full = d.serialize();
    while (d.undoStack()->canUndo()) d.undoStack()->undo();
    QCOMPARE(d.serialize(), empty);
    while (d.undoStack()->canRedo()) d.undoStack()->redo();
    QCOMPARE(d.serialize(), full);
  }

  void signalsAndRevisions() {
    GraphDocument d;
    load(d);
    QSignalSpy added(&d, &GraphDocument::nodeAdded);
    QSignalSpy moved(&d, &GraphDocument::nodeMoved);
    QSignalSpy analysis(&d, &GraphDocument::analysisInputChanged);
    const quint64 analysisBefore = d.analysisRevision();
    edits::moveNodes(d, {{id(d, "A"), QPointF(1, 1)}}, MoveNodesCommand::newGesture());
    QCOMPARE(moved.count(), 1);
    QCOMPARE(d.analysisRevision(), analysisBefore);  // moves do not invalidate identification
    QCOMPARE(analysis.count(), 0);
    QVERIFY(edits::addNode(d, QStringLiteral("N"), {}).ok());
    QCOMPARE(added.count(), 1);
    QVERIFY(d.analysisRevision() > analysisBefore);
  }

  void textMergeKeepsIdsAndPlaces() {
    GraphDocument d;
    load(d);
    const NodeId m = id(d, "M");
    const QPointF mAt = d.scenePosition(m);
    // Text without positions: known nodes keep theirs, new nodes are placed.
    QVERIFY(edits::replaceModelText(d, QStringLiteral("dag { X [exposure] Y [outcome] M -> X M -> Y New -> M X -> Y }")).ok());
    QCOMPARE(id(d, "M"), m);
    QCOMPARE(d.scenePosition(m), mAt);
    QVERIFY(d.graph().node(id(d, "New")).position.has_value());
    // A syntax error changes nothing.
    const QString before = d.serialize();
    auto bad = edits::replaceModelText(d, QStringLiteral("dag {\n X -> \n}"));
    QVERIFY(!bad.ok());
    QVERIFY(bad.error().context.line >= 2);
    QCOMPARE(d.serialize(), before);
  }

  void pastedDagittyCoordinatesAreScaled() {
    GraphDocument d;
    QVERIFY(edits::replaceModelText(d, QStringLiteral(
        "dag {\nbb=\"-3.687,-2.637,5.96,2.575\"\nage [adjusted,pos=\"-0.929,-0.900\"]\n"
        "hb [pos=\"-0.789,2.123\"]\nobesity [exposure,pos=\"-2.883,0.520\"]\nspo2 [outcome,pos=\"2.079,0.078\"]\n"
        "age -> hb\nage -> obesity\nobesity -> spo2\nhb -> spo2\n}\n")).ok());
    QCOMPARE(d.graph().nodeCount(), 4U);
    // Positions are kept in DAGitty's units and drawn far enough apart to read.
    QCOMPARE(d.graph().node(id(d, "age")).position, (graph::Point{-0.929, -0.9}));
    const QPointF a = d.scenePosition(id(d, "obesity"));
    const QPointF b = d.scenePosition(id(d, "spo2"));
    QVERIFY(QLineF(a, b).length() > 300.0);
    QVERIFY(d.graph().attributes().contains("bb"));
  }

  void pastedCoordinatesOnAnotherScaleAreRescaled() {
    GraphDocument d;
    load(d);  // units 0..2
    const double before = d.coordinateScale();
    // The same nodes, laid out on dagitty.net in pixel-like units.
    QVERIFY(edits::replaceModelText(d, QStringLiteral("dag { X [exposure,pos=\"0,400\"] Y [outcome,pos=\"400,400\"] "
                                                      "A [pos=\"0,0\"] B [pos=\"400,0\"] M [pos=\"200,200\"] "
                                                      "A -> X A -> M B -> M B -> Y X -> Y }")).ok());
    QVERIFY(d.coordinateScale() < before / 3.0);
    const double apart = QLineF(d.scenePosition(*d.graph().findNode("X")), d.scenePosition(*d.graph().findNode("Y"))).length();
    QVERIFY2(apart > 150.0 && apart < 1500.0, qPrintable(QString::number(apart)));
    // Editing our own text keeps the scale.
    const double now = d.coordinateScale();
    QVERIFY(edits::replaceModelText(d, QString::fromStdString(graph::writeDagitty(d.graph())) + QStringLiteral(" ")).ok());
    QCOMPARE(d.coordinateScale(), now);
  }

  void suspenderClearsHistory() {
    GraphDocument d;
    QVERIFY(edits::addNode(d, QStringLiteral("A"), {}).ok());
    QCOMPARE(d.undoStack()->count(), 1);
    {
      UndoSuspender suspend(d);
      QVERIFY(edits::addNode(d, QStringLiteral("B"), {}).ok());
    }
    QCOMPARE(d.undoStack()->count(), 0);
    QVERIFY(d.undoStack()->isClean());
    QCOMPARE(d.graph().nodeCount(), 2U);
  }
};

QTEST_GUILESS_MAIN(DocumentCommandsTest)
#include "DocumentCommandsTest.moc"
