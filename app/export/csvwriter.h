#pragma once

#include <QIODevice>
#include <QString>
#include <QStringList>

namespace makran {

// RFC 4180 rows in UTF-8: fields quoted only when they must be, quotes doubled, CRLF line ends.
class CsvWriter {
  public:
    explicit CsvWriter(QIODevice& out) : m_out(out) {}
    bool writeRow(const QStringList& fields);
    bool hasError() const { return m_failed; }
    QString errorString() const { return m_out.errorString(); }

    static QString escape(const QString& field);

  private:
    QIODevice& m_out;
    bool m_failed = false;
};

} // namespace makran
