// Annotating and exporting through the real widgets: the incident editor, Edit ▸ Undo/Redo, the export
// dialog, quotes and evidence from selected report text, merging from the list, picking on the map.
// Runs the real MainWindow under the offscreen platform on the hand-made fixture plus one report of
// its own (with a character outside the BMP, a low-confidence place and a competing claim).
#include "uifixture.h"

#include "annotate/annotationservice.h"
#include "exportdialog.h"
#include "incidentactions.h"
#include "incidenteditor.h"
#include "incidentlistview.h"
#include "incidenttablemodel.h"
#include "mainwindow.h"
#include "mapwidget.h"
#include "quotepanel.h"
#include "store/store.h"
#include "workspace.h"

#include <catch2/catch.hpp>

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QCryptographicHash>
#include <QFile>
#include <QInputDialog>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTest>
#include <QTextBrowser>
#include <QTimer>
#include <QToolButton>
#include <QTreeWidget>
#include <QUndoStack>

namespace Catch {
template <> struct StringMaker<QString> {
    static std::string convert(const QString& value) { return '"' + value.toStdString() + '"'; }
};
} // namespace Catch

using namespace makran;

namespace {

constexpr qint64 kMastungBlast = test::kFixtureIncidents + 1;

// A newspaper emoji (two UTF-16 units, one code point) before every offset of this report.
const QString kMastungText = QStringLiteral("\U0001F4F0 A blast hit a market in Mastung on 3 April 2024. "
                                            "\"Nine people died,\" a police officer said, "
                                            "while the BLA claimed twenty.");

bool addMastungReport(const QString& path, QString* error)
{
    std::unique_ptr<Store> store = Store::open(path, error);
    if (!store)
        return false;
    ExtractionResult result;
    result.report.title = QStringLiteral("Blast in Mastung");
    result.report.source = QStringLiteral("fixture");
    result.report.published = QDate(2024, 4, 4);
    result.report.text = kMastungText;
    result.report.contentHash = QString::fromLatin1(
        QCryptographicHash::hash(kMastungText.toUtf8(), QCryptographicHash::Sha256).toHex());
    Incident blast;
    blast.eventType = QStringLiteral("Explosions/Remote violence");
    blast.place = Place{QStringLiteral("Mastung"),
                        QStringLiteral("Balochistan"),
                        QStringLiteral("PK"),
                        29.80,
                        66.84,
                        1,
                        false};
    blast.date = blast.dateEnd = QDate(2024, 4, 3);
    blast.datePrecision = DatePrecision::Day;
    blast.fatalities = 9;
    blast.confidence = 0.6;
    Evidence place{QStringLiteral("place"), 31, 38, QStringLiteral("gazetteer: Mastung (two namesakes)")};
    place.confidence = 0.3;
    blast.evidence = {place};
    Claim claim;
    claim.field = QStringLiteral("fatalities");
    claim.value = QStringLiteral("twenty");
    claim.low = 20;
    claim.claimant = QStringLiteral("BLA");
    blast.claims = {claim};
    result.incidents = {blast};
    const Store::ImportResult imported = store->importReport(result);
    if (imported.status != Store::ImportStatus::Imported && error)
        *error = imported.error;
    return imported.status == Store::ImportStatus::Imported;
}

struct Harness {
    QTemporaryDir dir;
    Workspace workspace;
    std::unique_ptr<MainWindow> window;

    Harness()
    {
        QString error;
        const QString path = dir.filePath(QStringLiteral("fixture.sqlite"));
        REQUIRE(test::writeFixtureDatabase(path, &error));
        REQUIRE(addMastungReport(path, &error));
        REQUIRE(workspace.open(path, &error));
        window = std::make_unique<MainWindow>(workspace, false);
        window->resize(1400, 900);
        window->show();
        QCoreApplication::processEvents();
        window->map()->grab(); // lays out and paints once, which fits the camera to the region
    }
    IncidentCatalog& catalog() { return workspace.catalog(); }
    IncidentEditor& editor() { return *window->editor(); }
    const Incident& incident(qint64 id)
    {
        const Incident* found = catalog().byId(id);
        REQUIRE(found);
        return *found;
    }
    template <typename T> T* editorFor(const QString& field)
    {
        auto* widget = qobject_cast<T*>(editor().editorFor(field));
        REQUIRE(widget);
        return widget;
    }
    // Types into a box of the editor and presses Return, as the analyst would.
    void type(const QString& field, const QString& text)
    {
        auto* edit = editorFor<QLineEdit>(field);
        edit->selectAll();
        if (text.isEmpty())
            QTest::keyClick(edit, Qt::Key_Delete);
        else
            QTest::keyClicks(edit, text);
        QTest::keyClick(edit, Qt::Key_Return);
    }
    QStringList historyChanges() const
    {
        QStringList changes;
        QTreeWidget* history = window->editor()->historyView();
        for (int i = 0; i < history->topLevelItemCount(); ++i)
            changes << history->topLevelItem(i)->data(0, Qt::UserRole).toString();
        return changes;
    }
    void clickRow(qint64 id, Qt::KeyboardModifiers modifiers)
    {
        IncidentListView* list = window->list();
        const QModelIndex index = list->model()->index(list->viewRowOf(id), 0);
        QTest::mouseClick(list->viewport(), Qt::LeftButton, modifiers, list->visualRect(index).center());
    }
};

// Answers the next modal input dialog with text (QInputDialog::getText runs its own event loop).
void answerNextInputDialog(const QString& text)
{
    auto* timer = new QTimer;
    timer->setInterval(10);
    auto ticks = std::make_shared<int>(0);
    QObject::connect(timer, &QTimer::timeout, [timer, text, ticks] {
        auto* dialog = qobject_cast<QInputDialog*>(QApplication::activeModalWidget());
        if (dialog) {
            dialog->setTextValue(text);
            dialog->accept();
        }
        if (dialog || ++*ticks > 500) { // gives up after ~5 s, so it never answers a later test's dialog
            timer->stop();
            timer->deleteLater();
        }
    });
    timer->start();
}

} // namespace

TEST_CASE("editing fields in the incident editor changes the catalog and undo and redo walk it back",
          "[ui][annotate]")
{
    Harness h;
    h.catalog().selection().select(test::kPanjgurBattle);
    REQUIRE(h.editor().incidentId() == test::kPanjgurBattle);
    QLabel* extracted = h.editor().extractedLabelFor(QStringLiteral("fatalities"));
    QToolButton* revert = h.editor().revertButtonFor(QStringLiteral("fatalities"));
    CHECK_FALSE(extracted->isVisibleTo(h.window.get()));
    CHECK_FALSE(revert->isEnabled());

    h.type(QStringLiteral("fatalities"), QStringLiteral("5"));
    CHECK(h.incident(test::kPanjgurBattle).fatalities == 5);
    CHECK(h.editor().lastError().isEmpty());
    CHECK(extracted->isVisibleTo(h.window.get()));
    CHECK(extracted->text() == QStringLiteral("extracted: 3"));
    CHECK(revert->isEnabled());
    CHECK(h.historyChanges().value(0).startsWith(QStringLiteral("set fatalities: 3 → 5")));

    h.type(QStringLiteral("place"), QStringLiteral("Turbat"));
    CHECK(h.incident(test::kPanjgurBattle).place.name == QStringLiteral("Turbat"));
    CHECK(h.editor().extractedLabelFor(QStringLiteral("place"))->text() ==
          QStringLiteral("extracted: Panjgur (Balochistan, PK)"));

    // Review status from its combo, with the keyboard.
    QTest::keyClick(h.editorFor<QComboBox>(QStringLiteral("status")), Qt::Key_Down);
    REQUIRE(h.editor().item());
    CHECK(h.editor().item()->status == QStringLiteral("confirmed"));
    CHECK(h.window->undoAction()->isEnabled());

    QAction* undo = h.window->undoAction();
    QAction* redo = h.window->redoAction();
    auto state = [&] {
        const Incident& incident = h.incident(test::kPanjgurBattle);
        return std::make_tuple(incident.fatalities.value_or(-1), incident.place.name,
                               h.editor().item()->status);
    };
    using State = std::tuple<int, QString, QString>;
    const State original{3, QStringLiteral("Panjgur"), QStringLiteral("unreviewed")};
    const State fatalities{5, QStringLiteral("Panjgur"), QStringLiteral("unreviewed")};
    const State placed{5, QStringLiteral("Turbat"), QStringLiteral("unreviewed")};
    const State confirmed{5, QStringLiteral("Turbat"), QStringLiteral("confirmed")};
    CHECK(state() == confirmed);
    undo->trigger();
    CHECK(state() == placed);
    undo->trigger();
    CHECK(state() == fatalities);
    CHECK(h.editorFor<QLineEdit>(QStringLiteral("place"))->text() == QStringLiteral("Panjgur, Balochistan"));
    undo->trigger();
    CHECK(state() == original);
    CHECK_FALSE(undo->isEnabled());
    CHECK_FALSE(extracted->isVisibleTo(h.window.get()));
    CHECK(h.editorFor<QLineEdit>(QStringLiteral("fatalities"))->text() == QStringLiteral("3"));
    // The history keeps what was undone, marked as such.
    CHECK(h.historyChanges().size() == 3);
    redo->trigger();
    CHECK(state() == fatalities);
    redo->trigger();
    CHECK(state() == placed);
    redo->trigger();
    CHECK(state() == confirmed);
    CHECK_FALSE(redo->isEnabled());
    // Every step kept the selection.
    CHECK(h.catalog().selection().selected() == QList<qint64>{test::kPanjgurBattle});

    SECTION("the revert button goes back to the extracted value, as one more undoable step")
    {
        QTest::mouseClick(revert, Qt::LeftButton);
        CHECK(h.incident(test::kPanjgurBattle).fatalities == 3);
        CHECK_FALSE(revert->isEnabled());
        undo->trigger();
        CHECK(h.incident(test::kPanjgurBattle).fatalities == 5);
    }
    SECTION("a value that does not parse is refused with a message and changes nothing")
    {
        const int steps = h.workspace.undoStack().count();
        h.type(QStringLiteral("date"), QStringLiteral("2024-13-45"));
        CHECK(h.editor().lastError().contains(QStringLiteral("not a date")));
        CHECK(h.incident(test::kPanjgurBattle).date == QDate(2024, 1, 18));
        CHECK(h.workspace.undoStack().count() == steps);
    }
    SECTION("a day-precision date moves its end with it; event and sub-event types come from the lists")
    {
        h.type(QStringLiteral("date"), QStringLiteral("2024-01-19"));
        CHECK(h.incident(test::kPanjgurBattle).date == QDate(2024, 1, 19));
        CHECK(h.incident(test::kPanjgurBattle).dateEnd == QDate(2024, 1, 19));
        auto* type = h.editorFor<QComboBox>(QStringLiteral("event_type"));
        type->setCurrentIndex(type->findData(QStringLiteral("Protests")));
        emit type->activated(type->currentIndex());
        CHECK(h.incident(test::kPanjgurBattle).eventType == QStringLiteral("Protests"));
        auto* sub = h.editorFor<QComboBox>(QStringLiteral("sub_event_type"));
        CHECK(sub->findData(QStringLiteral("Peaceful protest")) > 0);
        CHECK(sub->findData(QStringLiteral("Armed clash")) < 0);
    }
    SECTION("notes and tags are recorded and shown")
    {
        auto* tags = h.editorFor<QLineEdit>(QStringLiteral("tags"));
        tags->setText(QStringLiteral("fc, border"));
        QTest::keyClick(tags, Qt::Key_Return);
        CHECK(h.editor().item()->tags == QStringList{QStringLiteral("fc"), QStringLiteral("border")});
        qobject_cast<QPlainTextEdit*>(h.editor().editorFor(QStringLiteral("note")))
            ->setPlainText(QStringLiteral("Local sources say five."));
        QTest::mouseClick(h.editor().findChild<QPushButton*>(QStringLiteral("addNoteButton")),
                          Qt::LeftButton);
        REQUIRE(h.editor().item()->notes.size() == 1);
        CHECK(h.editor().item()->notes.first().text == QStringLiteral("Local sources say five."));
    }
}

TEST_CASE("low-confidence fields are flagged and competing claims listed", "[ui][annotate]")
{
    Harness h;
    h.catalog().selection().select(kMastungBlast);
    REQUIRE(h.editor().incidentId() == kMastungBlast);
    QLabel* place = h.editor().confidenceMarkerFor(QStringLiteral("place"));
    CHECK(place->isVisibleTo(h.window.get()));
    CHECK(place->toolTip().contains(QStringLiteral("30%")));
    CHECK_FALSE(h.editor().confidenceMarkerFor(QStringLiteral("date"))->isVisibleTo(h.window.get()));
    QTreeWidget* claims = h.editor().claimsView();
    REQUIRE(claims->topLevelItemCount() == 1);
    CHECK(claims->topLevelItem(0)->text(0) == QStringLiteral("BLA"));
    CHECK(claims->topLevelItem(0)->text(2) == QStringLiteral("twenty"));

    // Once an analyst has set the place, the engine's doubt no longer applies.
    h.type(QStringLiteral("place"), QStringLiteral("Quetta"));
    CHECK_FALSE(h.editor().confidenceMarkerFor(QStringLiteral("place"))->isVisibleTo(h.window.get()));
}

TEST_CASE("the export dialog writes what the filter shows and refuses an empty selection", "[ui][export]")
{
    Harness h;
    const QString path = h.dir.filePath(QStringLiteral("out.geojson"));
    ExportDialog dialog(h.workspace, h.window.get());
    dialog.setFormat(ExportFormat::GeoJson);
    dialog.setOutputPath(path);

    SECTION("filter scope")
    {
        h.catalog().filter().setEventTypes({QStringLiteral("Battles")});
        dialog.setScope(ExportDialog::Scope::Filter);
        QTest::mouseClick(dialog.findChild<QPushButton*>(QStringLiteral("exportButton")), Qt::LeftButton);
        INFO(dialog.message().toStdString());
        REQUIRE(QFile::exists(path));
        QFile file(path);
        REQUIRE(file.open(QIODevice::ReadOnly));
        const QJsonArray features =
            QJsonDocument::fromJson(file.readAll()).object().value(u"features").toArray();
        CHECK(features.size() == 2); // the Panjgur battle and the undated Gwadar clash
        CHECK(dialog.message().contains(QStringLiteral("Wrote 2 incident")));
    }
    SECTION("an empty selection gives a message and no file")
    {
        h.catalog().selection().clear();
        dialog.setScope(ExportDialog::Scope::Selection);
        QTest::mouseClick(dialog.findChild<QPushButton*>(QStringLiteral("exportButton")), Qt::LeftButton);
        CHECK(dialog.message().contains(QStringLiteral("Nothing is selected")));
        CHECK_FALSE(QFile::exists(path));
    }
    SECTION("the selected incidents, with the analyst's note, as a Markdown briefing")
    {
        REQUIRE(h.workspace.annotations());
        QString error;
        REQUIRE(h.workspace.annotations()->addNote(test::kTurbatBlast,
                                                   QStringLiteral("Checked with a local source."), &error));
        h.catalog().selection().selectMany({test::kTurbatBlast, test::kZahedanProtest});
        const QString md = h.dir.filePath(QStringLiteral("brief.md"));
        dialog.setFormat(ExportFormat::Markdown);
        dialog.setOutputPath(md);
        dialog.setScope(ExportDialog::Scope::Selection);
        dialog.setBriefingTitle(QStringLiteral("Two incidents"));
        REQUIRE(dialog.exportNow());
        QFile file(md);
        REQUIRE(file.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(file.readAll());
        CHECK(text.contains(QStringLiteral("Two incidents")));
        CHECK(text.contains(QStringLiteral("Turbat")));
        CHECK(text.contains(QStringLiteral("Zahedan")));
        CHECK_FALSE(text.contains(QStringLiteral("Panjgur")));
        CHECK(text.contains(QStringLiteral("Checked with a local source.")));
    }
    SECTION("a file that cannot be written is an error, not a broken file")
    {
        dialog.setOutputPath(h.dir.filePath(QStringLiteral("no/such/folder/out.geojson")));
        CHECK_FALSE(dialog.exportNow());
        CHECK(dialog.message().startsWith(QStringLiteral("Nothing was written")));
    }
}

TEST_CASE("selected report text becomes a quote or evidence at code-point offsets", "[ui][annotate]")
{
    Harness h;
    h.catalog().selection().select(kMastungBlast);
    QuotePanel* panel = h.window->quotePanel();
    REQUIRE(panel->incidentId() == kMastungBlast);
    CHECK_FALSE(panel->addQuoteButton()->isEnabled());

    auto selectWords = [&](const QString& words) {
        const int start = int(kMastungText.indexOf(words));
        REQUIRE(start > 0);
        QTextCursor cursor(panel->reportView()->document());
        cursor.setPosition(start);
        cursor.setPosition(start + int(words.size()), QTextCursor::KeepAnchor);
        panel->reportView()->setTextCursor(cursor);
        return start;
    };
    const QString words = QStringLiteral("Nine people died,");
    const int utf16Start = selectWords(words);
    REQUIRE(panel->addQuoteButton()->isEnabled());
    answerNextInputDialog(QStringLiteral("a police officer"));
    QTest::mouseClick(panel->addQuoteButton(), Qt::LeftButton);

    INFO(h.window->incidentActions()->lastError().toStdString());
    const Incident& incident = h.incident(kMastungBlast);
    REQUIRE(incident.quotes.size() == 1);
    CHECK(incident.quotes.first().text == words);
    CHECK(incident.quotes.first().speaker == QStringLiteral("a police officer"));
    // The emoji is two UTF-16 units but one code point.
    CHECK(incident.quotes.first().start == utf16Start - 1);
    CHECK(panel->card()->toPlainText().contains(words));
    CHECK(panel->card()->toPlainText().contains(QStringLiteral("a police officer")));
    CHECK(h.historyChanges().value(0).startsWith(QStringLiteral("quote")));

    // Evidence for the place, from the evidence button's menu: the analyst's passage replaces the
    // engine's doubtful one, so the low-confidence flag goes.
    REQUIRE(h.editor().confidenceMarkerFor(QStringLiteral("place"))->isVisibleTo(h.window.get()));
    const int placeStart = selectWords(QStringLiteral("market in Mastung"));
    REQUIRE(panel->evidenceButton()->isEnabled());
    QAction* placeAction =
        panel->evidenceButton()->menu()->findChild<QAction*>(QStringLiteral("evidence-place"));
    REQUIRE(placeAction);
    placeAction->trigger();
    QList<Evidence> places;
    for (const Evidence& evidence : h.incident(kMastungBlast).evidence) {
        if (evidence.field == u"place")
            places << evidence;
    }
    REQUIRE(places.size() == 1);
    CHECK(places.first().start == placeStart - 1);
    CHECK(places.first().end == placeStart - 1 + QStringLiteral("market in Mastung").size());
    CHECK_FALSE(h.editor().confidenceMarkerFor(QStringLiteral("place"))->isVisibleTo(h.window.get()));

    h.window->undoAction()->trigger();
    CHECK(h.incident(kMastungBlast).evidence.first().start == 31);
    h.window->undoAction()->trigger();
    CHECK(h.incident(kMastungBlast).quotes.isEmpty());
}

TEST_CASE("merging two incidents selected in the list hides one and undo brings it back", "[ui][annotate]")
{
    Harness h;
    const int before = int(h.catalog().visibleIds().size());
    h.clickRow(test::kPanjgurBattle, Qt::NoModifier);
    h.clickRow(test::kUndated, Qt::ControlModifier);
    REQUIRE(h.catalog().selection().selected().size() == 2);
    REQUIRE(h.catalog().selection().current() == test::kUndated);

    QAction* merge = h.window->findChild<QAction*>(QStringLiteral("mergeAction"));
    REQUIRE(merge);
    REQUIRE(merge->isEnabled());
    merge->trigger();
    CHECK(h.catalog().visibleIds().size() == before - 1);
    CHECK(h.window->list()->model()->rowCount() == before - 1);
    CHECK_FALSE(h.catalog().byId(test::kPanjgurBattle));
    CHECK(h.catalog().selection().selected() == QList<qint64>{test::kUndated});
    // The kept incident now has both reports as sources.
    CHECK(h.incident(test::kUndated).sourceReportIds.size() == 2);
    CHECK(h.window->quotePanel()->reportCount() == 2);

    h.window->undoAction()->trigger();
    CHECK(h.catalog().visibleIds().size() == before);
    CHECK(h.window->list()->model()->rowCount() == before);
    CHECK(h.catalog().byId(test::kPanjgurBattle));

    SECTION("linking the two records the relation on both")
    {
        h.clickRow(test::kPanjgurBattle, Qt::NoModifier);
        h.clickRow(test::kUndated, Qt::ControlModifier);
        h.window->findChild<QAction*>(QStringLiteral("link-retaliation-for"))->trigger();
        REQUIRE(h.editor().item());
        REQUIRE(h.editor().item()->links.size() == 1);
        CHECK(h.editor().item()->links.first().otherId == test::kPanjgurBattle);
    }
}

TEST_CASE("pick on map places the incident at the clicked town without changing the selection",
          "[ui][annotate]")
{
    Harness h;
    h.catalog().selection().select(test::kPanjgurBattle);
    QTest::mouseClick(h.editor().pickOnMapButton(), Qt::LeftButton);
    REQUIRE(h.workspace.mapPick().isActive());
    // Where Turbat is: a click there would otherwise select the Turbat blast.
    const QPoint turbat = h.window->map()->camera().toScreen(26.00, 63.05).toPoint();
    QTest::mouseClick(h.window->map(), Qt::LeftButton, Qt::NoModifier, turbat);
    CHECK_FALSE(h.workspace.mapPick().isActive());
    CHECK(h.catalog().selection().selected() == QList<qint64>{test::kPanjgurBattle});
    const Incident& incident = h.incident(test::kPanjgurBattle);
    CHECK(incident.place.name == QStringLiteral("Turbat"));
    CHECK(incident.place.geoPrecision == 1);
    REQUIRE(incident.place.lat);
    CHECK(std::abs(*incident.place.lat - 26.0) < 0.05);
    CHECK_FALSE(h.editor().pickOnMapButton()->isChecked());
}
