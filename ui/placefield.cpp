#include "placefield.h"

#include "geo/gazetteer.h"

#include <QCompleter>
#include <QStringListModel>

namespace makran {

PlaceField::PlaceField(QWidget* parent) : QLineEdit(parent)
{
    setPlaceholderText(tr("Search the gazetteer: Turbat, Saravan…"));
    m_model = new QStringListModel(this);
    auto* completer = new QCompleter(m_model, this);
    // The gazetteer already matched variants and transliterations; show everything it found.
    completer->setCompletionMode(QCompleter::UnfilteredPopupCompletion);
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    completer->setMaxVisibleItems(12);
    setCompleter(completer);
    connect(this, &QLineEdit::textEdited, this, &PlaceField::updateSuggestions);
    connect(completer, qOverload<const QString&>(&QCompleter::activated), this, &PlaceField::placeChosen);
}

QStringList PlaceField::suggestionsFor(const QString& prefix, int limit)
{
    QStringList out;
    const QString trimmed = prefix.section(u',', 0, 0).trimmed();
    if (trimmed.size() < 2)
        return out;
    for (const GazetteerEntry* entry : Gazetteer::builtIn().search(trimmed, limit)) {
        const QString where =
            entry->admin1.isEmpty() || entry->kind == PlaceKind::Country ? entry->country : entry->admin1;
        const QString text = entry->name == where || where.isEmpty()
                                 ? entry->name
                                 : QStringLiteral("%1, %2").arg(entry->name, where);
        if (!out.contains(text))
            out << text;
    }
    return out;
}

void PlaceField::updateSuggestions(const QString& text)
{
    m_model->setStringList(suggestionsFor(text));
    if (!m_model->stringList().isEmpty())
        completer()->complete();
}

} // namespace makran
