#include "export/csvwriter.h"

namespace makran {

QString CsvWriter::escape(const QString& field)
{
    const bool mustQuote = field.contains(u',') || field.contains(u'"') || field.contains(u'\n') ||
                           field.contains(u'\r') || field.startsWith(u' ') || field.endsWith(u' ');
    if (!mustQuote)
        return field;
    QString quoted = field;
    quoted.replace(QStringLiteral("\""), QStringLiteral("\"\""));
    return u'"' + quoted + u'"';
}

bool CsvWriter::writeRow(const QStringList& fields)
{
    if (m_failed)
        return false;
    QString line;
    for (qsizetype i = 0; i < fields.size(); ++i) {
        if (i > 0)
            line += u',';
        line += escape(fields.at(i));
    }
    line += QStringLiteral("\r\n");
    const QByteArray bytes = line.toUtf8();
    m_failed = m_out.write(bytes) != bytes.size();
    return !m_failed;
}

} // namespace makran
