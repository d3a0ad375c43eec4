// makran-cli annotate: an analyst's corrections, notes, tags, status, links and merges from the command
// line, through the same AnnotationService the desktop app uses (without an undo stack).
#include "cli/clicommands.h"

#include "annotate/annotationservice.h"
#include "annotate/annotationstore.h"
#include "annotate/incidentfields.h"
#include "store/store.h"

#include <QFileInfo>

namespace makran::cli {

namespace {

int usageError(QTextStream& err, const QString& message)
{
    err << "makran-cli: " << message << "\n(see makran-cli --help)\n";
    err.flush();
    return UsageError;
}

int failure(QTextStream& err, const QString& message)
{
    err << "makran-cli: " << message << '\n';
    err.flush();
    return Failed;
}

bool parseId(const QString& text, qint64* id)
{
    bool ok = false;
    *id = text.trimmed().toLongLong(&ok);
    return ok && *id > 0;
}

// "ID:KIND" of --link and --unlink.
bool parseLink(const QString& text, qint64* id, QString* kind)
{
    const qsizetype colon = text.indexOf(u':');
    if (colon <= 0)
        return false;
    *kind = text.mid(colon + 1);
    return parseId(text.left(colon), id) && !kind->trimmed().isEmpty();
}

void printState(QTextStream& out, const AnnotatedIncident& item)
{
    out << "incident " << item.incident.id << " [" << item.key << "]";
    if (item.mergedIntoId)
        out << ", merged into incident " << item.mergedIntoId;
    out << '\n';
    for (const QString& field : IncidentFields::names()) {
        const QString value = field == u"status" ? item.status : IncidentFields::valueOf(item.incident, field);
        out << "  " << field << ": " << IncidentFields::display(field, value);
        // The extractor's value stays in sight next to the analyst's.
        if (const FieldOverride* edit = item.overrideOf(field))
            out << "  (set by " << edit->author << "; extracted: "
                << IncidentFields::display(field, edit->extractedValue) << ')';
        out << '\n';
    }
    out << "  tags: " << (item.tags.isEmpty() ? QStringLiteral("(none)") : item.tags.join(QStringLiteral(", "))) << '\n';
    for (const AnnotationNote& note : item.notes)
        out << "  note (" << note.author << ", " << note.at.toString(Qt::ISODate) << "): " << note.text << '\n';
    for (const IncidentLink& link : item.links)
        out << "  " << link.label() << " incident " << link.otherId << '\n';
    for (qint64 id : item.absorbedIds)
        out << "  merged in: incident " << id << '\n';
}

} // namespace

int runAnnotate(const QStringList& args, QTextStream& out, QTextStream& err)
{
    Arguments a;
    QString error;
    const QStringList valued = {QStringLiteral("--db"),     QStringLiteral("--incident"),   QStringLiteral("--set"),
                                QStringLiteral("--revert"), QStringLiteral("--note"),       QStringLiteral("--tag"),
                                QStringLiteral("--untag"),  QStringLiteral("--status"),     QStringLiteral("--confidence"),
                                QStringLiteral("--author"), QStringLiteral("--link"),       QStringLiteral("--unlink"),
                                QStringLiteral("--merge"),  QStringLiteral("--split")};
    if (!a.parse(args, valued, {QStringLiteral("--history")}, &error))
        return usageError(err, error);
    if (!a.positional().isEmpty())
        return usageError(err, QStringLiteral("unexpected argument '%1'").arg(a.positional().first()));
    if (!a.has(QStringLiteral("--db")))
        return usageError(err, QStringLiteral("annotate needs --db DB"));
    if (!a.has(QStringLiteral("--incident")))
        return usageError(err, QStringLiteral("annotate needs --incident ID"));
    qint64 incidentId = 0;
    if (!parseId(a.value(QStringLiteral("--incident")), &incidentId))
        return usageError(err, QStringLiteral("--incident '%1' is not an incident id").arg(a.value(QStringLiteral("--incident"))));
    if (a.has(QStringLiteral("--author")) && a.value(QStringLiteral("--author")).trimmed().isEmpty())
        return usageError(err, QStringLiteral("--author needs a name"));

    // Shape errors are usage errors (2); values that do not parse are failures (1), like unknown fields.
    QList<std::pair<QString, QString>> fields;
    for (const QString& assignment : a.values(QStringLiteral("--set"))) {
        const qsizetype eq = assignment.indexOf(u'=');
        if (eq <= 0)
            return usageError(err, QStringLiteral("--set '%1' needs FIELD=VALUE").arg(assignment));
        fields.append({assignment.left(eq).trimmed(), assignment.mid(eq + 1)});
    }
    if (a.has(QStringLiteral("--status")))
        fields.append({QStringLiteral("status"), a.value(QStringLiteral("--status"))});
    if (a.has(QStringLiteral("--confidence")))
        fields.append({QStringLiteral("confidence"), a.value(QStringLiteral("--confidence"))});
    QList<std::pair<qint64, QString>> links;
    QList<std::pair<qint64, QString>> unlinks;
    for (const auto& [option, list] : {std::pair{QStringLiteral("--link"), &links}, std::pair{QStringLiteral("--unlink"), &unlinks}}) {
        for (const QString& text : a.values(option)) {
            qint64 other = 0;
            QString kind;
            if (!parseLink(text, &other, &kind))
                return usageError(err, QStringLiteral("%1 '%2' needs ID:KIND (KIND one of %3)")
                                           .arg(option, text, linkKinds().join(QStringLiteral(", "))));
            list->append({other, kind});
        }
    }
    QList<qint64> merges;
    QList<qint64> splits;
    for (const auto& [option, list] : {std::pair{QStringLiteral("--merge"), &merges}, std::pair{QStringLiteral("--split"), &splits}}) {
        for (const QString& text : a.values(option)) {
            qint64 other = 0;
            if (!parseId(text, &other))
                return usageError(err, QStringLiteral("%1 '%2' is not an incident id").arg(option, text));
            list->append(other);
        }
    }

    const QString dbPath = a.value(QStringLiteral("--db"));
    if (!QFileInfo::exists(dbPath))
        return failure(err, QStringLiteral("%1: no such database").arg(dbPath));
    auto store = Store::open(dbPath, &error);
    if (!store)
        return failure(err, QStringLiteral("cannot open database %1").arg(error));
    AnnotationStore annotations(*store);
    if (!annotations.isReady())
        return failure(err, QStringLiteral("%1: %2").arg(dbPath, annotations.error()));
    AnnotationService service(annotations);
    if (a.has(QStringLiteral("--author")))
        service.setAuthor(a.value(QStringLiteral("--author")).trimmed());
    if (!service.incident(incidentId, &error))
        return failure(err, error);

    // All of one run or nothing: a bad value anywhere leaves the database as it was.
    SqliteTransaction transaction(store->database());
    if (!transaction.isActive())
        return failure(err, QStringLiteral("%1: cannot start a transaction: %2").arg(dbPath, store->database().lastError()));
    QStringList changes;
    const auto step = [&](bool ok) {
        changes << service.lastChanges();
        return ok;
    };
    bool ok = fields.isEmpty() || step(service.setFields(incidentId, fields, &error));
    for (const QString& field : a.values(QStringLiteral("--revert")))
        ok = ok && step(service.revertField(incidentId, field.trimmed(), &error));
    for (const QString& note : a.values(QStringLiteral("--note")))
        ok = ok && step(service.addNote(incidentId, note, &error));
    if (a.has(QStringLiteral("--tag")))
        ok = ok && step(service.addTags(incidentId, a.values(QStringLiteral("--tag")), &error));
    if (a.has(QStringLiteral("--untag")))
        ok = ok && step(service.removeTags(incidentId, a.values(QStringLiteral("--untag")), &error));
    for (const auto& [other, kind] : links)
        ok = ok && step(service.link(incidentId, other, kind, &error));
    for (const auto& [other, kind] : unlinks)
        ok = ok && step(service.unlink(incidentId, other, kind, &error));
    for (qint64 other : merges)
        ok = ok && step(service.merge(incidentId, other, &error));
    for (qint64 other : splits)
        ok = ok && step(service.unmerge(incidentId, other, &error));
    if (!ok)
        return failure(err, error + QStringLiteral(" (nothing was changed)"));
    if (!transaction.commit(&error))
        return failure(err, QStringLiteral("%1: cannot save: %2").arg(dbPath, error));

    if (!changes.isEmpty()) {
        out << "incident " << incidentId << ", by " << service.author() << ":\n";
        for (const QString& change : changes)
            out << "  " << change << '\n';
    } else if (!a.has(QStringLiteral("--history"))) {
        printState(out, *service.incident(incidentId));
    }
    if (a.has(QStringLiteral("--history"))) {
        const QList<HistoryEntry> history = service.history(incidentId, &error);
        out << "history of incident " << incidentId << ":";
        out << (history.isEmpty() ? " no annotations\n" : "\n");
        for (const HistoryEntry& entry : history)
            out << "  " << entry.describe() << '\n';
    }
    out.flush();
    return Ok;
}

} // namespace makran::cli
