#pragma once

#include <QHash>
#include <QStringList>
#include <QTextStream>

namespace makran::cli {

// Exit codes shared by every command.
enum ExitCode { Ok = 0, Failed = 1, UsageError = 2 };

// Parsed "--name value" options and positional arguments of one command.
class Arguments {
public:
    // `valued` options take a value; `flags` do not; `repeatable` may appear more than once.
    bool parse(const QStringList& args, const QStringList& valued, const QStringList& flags, QString* error);
    QString value(const QString& name) const { return m_values.value(name).value(0); }
    QStringList values(const QString& name) const { return m_values.value(name); }
    bool has(const QString& name) const { return m_values.contains(name); }
    const QStringList& positional() const { return m_positional; }

private:
    QHash<QString, QStringList> m_values;
    QStringList m_positional;
};

int runExtract(const QStringList& args, QTextStream& out, QTextStream& err);
int runIngest(const QStringList& args, QTextStream& out, QTextStream& err);
int runExport(const QStringList& args, QTextStream& out, QTextStream& err);
int runEval(const QStringList& args, QTextStream& out, QTextStream& err);
int runAnnotate(const QStringList& args, QTextStream& out, QTextStream& err);

QString usage();

} // namespace makran::cli
