#include "cli/clicommands.h"

#include "annotate/annotationstore.h"
#include "annotate/exportannotations.h"
#include "export/exporter.h"
#include "export/jsonexport.h"
#include "extract/extractor.h"
#include "import/importjob.h"
#include "import/reportreader.h"
#include "state/incidentfilter.h"
#include "store/store.h"

#include <QFile>
#include <QFileInfo>
#include <QTemporaryFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace makran::cli {

QString usage()
{
    return QStringLiteral(
        "usage: makran-cli COMMAND [OPTIONS]\n"
        "\n"
        "  extract FILE [--date YYYY-MM-DD]\n"
        "      Print the incidents and quotes found in one report as JSON; no database is touched.\n"
        "  ingest --db DB PATH...\n"
        "      Import report files and folders (recursively; .txt, .html, ACLED .csv) into DB.\n"
        "      Exit 0 when every file was imported or already there, 1 when any was rejected.\n"
        "  export --db DB --format FORMAT [-o FILE] [--from DATE] [--to DATE] [--type EVENT_TYPE]\n"
        "         [--actor NAME] [--admin1 PROVINCE] [--country ISO2] [--query WORDS] [--ids 1,2,3]\n"
        "      Write incidents as %1 (stdout when -o is absent, text formats only).\n"
        "  eval GOLD_DIR [--verbose]\n"
        "      Score extraction against a folder of NAME.txt + NAME.json gold annotations.\n"
        "  annotate --db DB --incident ID [--set FIELD=VALUE]... [--revert FIELD]... [--note TEXT]\n"
        "           [--tag TAG]... [--untag TAG]... [--status unreviewed|confirmed|disputed|rejected]\n"
        "           [--confidence 0..1] [--link ID:KIND]... [--unlink ID:KIND]... [--merge ID]...\n"
        "           [--split ID]... [--history] [--author NAME]   (KIND: retaliation-for, same-event-as,\n"
        "           follow-up-to)\n"
        "      Record an analyst's corrections beside the extracted values.\n"
        "\n"
        "Exit codes: 0 success, 1 failure (a message on stderr names the file and reason), 2 usage error.\n")
        .arg(exportFormatNames().join(QStringLiteral(", ")));
}

bool Arguments::parse(const QStringList& args, const QStringList& valued, const QStringList& flags, QString* error)
{
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString& arg = args[i];
        if (!arg.startsWith(u'-') || arg == u"-") {
            m_positional << arg;
            continue;
        }
        QString name = arg;
        QString inlineValue;
        const qsizetype eq = arg.indexOf(u'=');
        if (arg.startsWith(QStringLiteral("--")) && eq > 0) {
            name = arg.left(eq);
            inlineValue = arg.mid(eq + 1);
        }
        if (flags.contains(name)) {
            m_values[name] << QString();
            continue;
        }
        if (!valued.contains(name)) {
            *error = QStringLiteral("unknown option '%1'").arg(name);
            return false;
        }
        if (eq > 0 && arg.startsWith(QStringLiteral("--"))) {
            m_values[name] << inlineValue;
            continue;
        }
        if (i + 1 >= args.size()) {
            *error = QStringLiteral("option '%1' needs a value").arg(name);
            return false;
        }
        m_values[name] << args[++i];
    }
    return true;
}

namespace {

int usageError(QTextStream& err, const QString& message)
{
    err << "makran-cli: " << message << "\n(see makran-cli --help)\n";
    err.flush();
    return UsageError;
}

bool parseDate(const QString& text, QDate* date)
{
    *date = QDate::fromString(text, Qt::ISODate);
    return date->isValid();
}

std::unique_ptr<Store> openStore(const QString& path, QTextStream& err)
{
    QString error;
    auto store = Store::open(path, &error);
    if (!store)
        err << "makran-cli: cannot open database " << error << '\n';
    return store;
}

} // namespace

int runExtract(const QStringList& args, QTextStream& out, QTextStream& err)
{
    Arguments a;
    QString error;
    if (!a.parse(args, {QStringLiteral("--date")}, {}, &error))
        return usageError(err, error);
    if (a.positional().size() != 1)
        return usageError(err, QStringLiteral("extract takes exactly one FILE"));
    QDate date;
    if (a.has(QStringLiteral("--date")) && !parseDate(a.value(QStringLiteral("--date")), &date))
        return usageError(err, QStringLiteral("--date '%1' is not a date (expected YYYY-MM-DD)")
                                   .arg(a.value(QStringLiteral("--date"))));
    const QString path = a.positional().first();
    ReportReader::Result read = ReportReader::read(path);
    for (const QString& warning : read.warnings)
        err << "makran-cli: warning: " << path << ": " << warning << '\n';
    if (!read.report) {
        err << "makran-cli: " << path << ": " << read.error << '\n';
        return Failed;
    }
    if (date.isValid())
        read.report->published = date;
    const Extractor extractor;
    const ExtractionResult result = extractor.extract(*read.report);
    for (const QString& warning : result.warnings)
        err << "makran-cli: note: " << path << ": " << warning << '\n';
    QJsonArray incidents;
    for (const Incident& incident : result.incidents)
        incidents.append(incidentToJson(incident));
    QJsonArray quotes;
    for (const Quote& quote : result.quotes)
        quotes.append(quoteToJson(quote));
    QJsonObject root;
    root.insert(QStringLiteral("report"), reportToJson(result.report));
    root.insert(QStringLiteral("incidents"), incidents);
    root.insert(QStringLiteral("quotes"), quotes);
    if (!result.warnings.isEmpty())
        root.insert(QStringLiteral("warnings"), QJsonArray::fromStringList(result.warnings));
    out << QString::fromUtf8(QJsonDocument(root).toJson(QJsonDocument::Indented));
    return Ok;
}

int runIngest(const QStringList& args, QTextStream& out, QTextStream& err)
{
    Arguments a;
    QString error;
    if (!a.parse(args, {QStringLiteral("--db")}, {QStringLiteral("--quiet")}, &error))
        return usageError(err, error);
    if (!a.has(QStringLiteral("--db")))
        return usageError(err, QStringLiteral("ingest needs --db DB"));
    if (a.positional().isEmpty())
        return usageError(err, QStringLiteral("ingest needs at least one PATH"));
    auto store = openStore(a.value(QStringLiteral("--db")), err);
    if (!store)
        return Failed;
    const Extractor extractor;
    ImportJob job(*store, extractor);
    const ImportSummary summary = job.run(a.positional());
    for (const FileImportResult& file : summary.files) {
        for (const QString& warning : file.warnings)
            err << "makran-cli: warning: " << file.path << ": " << warning << '\n';
        if (file.outcome == FileImportResult::Outcome::Rejected)
            err << "makran-cli: rejected " << file.path << ": " << file.reason << '\n';
    }
    using O = FileImportResult::Outcome;
    // The incidents as listed and exported: one merged from several reports counts once.
    const AnnotationStore annotations(*store);
    const qint64 incidents = annotations.isReady() ? qint64(effectiveIncidents(annotations).size()) : store->incidentCount();
    out << QStringLiteral("%1 file(s): %2 imported, %3 already in the database, %4 rejected; %5 incident(s) added, "
                          "%6 of them merged into the same event from other reports. "
                          "Database: %7 report(s), %8 incident(s).\n")
               .arg(summary.files.size())
               .arg(summary.count(O::Imported))
               .arg(summary.count(O::AlreadyPresent))
               .arg(summary.count(O::Rejected))
               .arg(summary.incidents())
               .arg(summary.merged())
               .arg(store->reportCount())
               .arg(incidents);
    return summary.count(O::Rejected) ? Failed : Ok;
}

int runExport(const QStringList& args, QTextStream& out, QTextStream& err)
{
    Arguments a;
    QString error;
    const QStringList valued = {QStringLiteral("--db"),    QStringLiteral("--format"), QStringLiteral("-o"),
                                QStringLiteral("--output"), QStringLiteral("--from"),  QStringLiteral("--to"),
                                QStringLiteral("--type"),  QStringLiteral("--actor"),  QStringLiteral("--admin1"),
                                QStringLiteral("--country"), QStringLiteral("--query"), QStringLiteral("--ids"),
                                QStringLiteral("--title"), QStringLiteral("--author")};
    if (!a.parse(args, valued, {}, &error))
        return usageError(err, error);
    if (!a.positional().isEmpty())
        return usageError(err, QStringLiteral("unexpected argument '%1'").arg(a.positional().first()));
    if (!a.has(QStringLiteral("--db")))
        return usageError(err, QStringLiteral("export needs --db DB"));
    const QString formatName = a.has(QStringLiteral("--format")) ? a.value(QStringLiteral("--format")) : QStringLiteral("json");
    const auto format = exportFormatFromString(formatName);
    if (!format)
        return usageError(err, QStringLiteral("unknown format '%1' (one of: %2)")
                                   .arg(formatName, exportFormatNames().join(QStringLiteral(", "))));
    IncidentFilter filter;
    if (a.has(QStringLiteral("--from")) && !parseDate(a.value(QStringLiteral("--from")), &filter.from))
        return usageError(err, QStringLiteral("--from '%1' is not a date (YYYY-MM-DD)").arg(a.value(QStringLiteral("--from"))));
    if (a.has(QStringLiteral("--to")) && !parseDate(a.value(QStringLiteral("--to")), &filter.to))
        return usageError(err, QStringLiteral("--to '%1' is not a date (YYYY-MM-DD)").arg(a.value(QStringLiteral("--to"))));
    for (const QString& type : a.values(QStringLiteral("--type")))
        filter.eventTypes.insert(type);
    filter.actor = a.value(QStringLiteral("--actor"));
    filter.admin1 = a.value(QStringLiteral("--admin1"));
    filter.country = a.value(QStringLiteral("--country"));
    filter.text = a.value(QStringLiteral("--query"));
    QSet<qint64> ids;
    for (const QString& id : a.value(QStringLiteral("--ids")).split(u',', Qt::SkipEmptyParts)) {
        bool ok = false;
        ids.insert(id.trimmed().toLongLong(&ok));
        if (!ok)
            return usageError(err, QStringLiteral("--ids: '%1' is not an incident id").arg(id));
    }
    QString output = a.has(QStringLiteral("-o")) ? a.value(QStringLiteral("-o")) : a.value(QStringLiteral("--output"));
    if (output.isEmpty() && *format == ExportFormat::Pdf)
        return usageError(err, QStringLiteral("the pdf format needs -o FILE"));

    if (!QFileInfo::exists(a.value(QStringLiteral("--db")))) {
        err << "makran-cli: " << a.value(QStringLiteral("--db")) << ": no such database\n";
        return Failed;
    }
    auto store = openStore(a.value(QStringLiteral("--db")), err);
    if (!store)
        return Failed;
    const AnnotationStore annotations(*store);
    if (!annotations.isReady()) {
        err << "makran-cli: " << a.value(QStringLiteral("--db")) << ": " << annotations.error() << '\n';
        return Failed;
    }
    // Over every source of an incident, so a merged one is found by its absorbed reports' words too.
    const TextMatcher text(*store, filter.text);
    ExportRequest request;
    // Analysts' corrections apply before filtering, so a corrected province filters as corrected.
    for (Incident& incident : effectiveIncidents(annotations)) {
        if (!ids.isEmpty() && !ids.contains(incident.id))
            continue;
        if (!text.matches(incident))
            continue;
        if (filter.matchesFields(incident))
            request.incidents.append(std::move(incident));
    }
    Store* storePtr = store.get();
    request.reportLookup = [storePtr](qint64 id) { return storePtr->report(id); };
    request.filter = filter;
    request.title = a.value(QStringLiteral("--title"));
    request.author = a.value(QStringLiteral("--author"));
    fillAnnotations(annotations, request);

    QStringList warnings;
    bool toStdout = output.isEmpty() || output == u"-";
    QString target = output;
    QTemporaryFile temp;
    if (toStdout) {
        if (!temp.open()) {
            err << "makran-cli: cannot create a temporary file\n";
            return Failed;
        }
        target = temp.fileName();
        temp.close();
    }
    if (!exportIncidents(*format, request, target, &error, &warnings)) {
        err << "makran-cli: export to " << (toStdout ? QStringLiteral("stdout") : output) << " failed: " << error << '\n';
        return Failed;
    }
    for (const QString& warning : warnings)
        err << "makran-cli: warning: " << warning << '\n';
    if (toStdout) {
        QFile file(target);
        if (file.open(QIODevice::ReadOnly)) {
            out.flush();
            QFile stdoutFile;
            if (stdoutFile.open(stdout, QIODevice::WriteOnly))
                stdoutFile.write(file.readAll());
        }
    } else {
        err << "makran-cli: wrote " << request.incidents.size() << " incident(s) to " << output << '\n';
    }
    return Ok;
}

} // namespace makran::cli
