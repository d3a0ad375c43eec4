#pragma once

#include <QByteArray>
#include <QString>
#include <QVariant>

#include <optional>

struct sqlite3;
struct sqlite3_stmt;

namespace makran {

// Thin RAII wrappers over the SQLite C API; errors come back as strings, never exceptions.
class SqliteStatement {
public:
    SqliteStatement() = default;
    SqliteStatement(sqlite3* db, const char* sql);
    ~SqliteStatement();
    SqliteStatement(const SqliteStatement&) = delete;
    SqliteStatement& operator=(const SqliteStatement&) = delete;
    SqliteStatement(SqliteStatement&& other) noexcept;
    SqliteStatement& operator=(SqliteStatement&& other) noexcept;

    bool isValid() const { return m_stmt != nullptr; }
    QString error() const { return m_error; }

    void bind(int index, qint64 value);
    void bind(int index, int value) { bind(index, qint64(value)); }
    void bind(int index, double value);
    void bind(int index, const QString& value); // a null QString binds NULL
    void bind(int index, std::optional<int> value);
    void bind(int index, std::optional<double> value);
    void bind(int index, std::optional<qint64> value);
    void bindNull(int index);

    bool step();    // true while a row is available
    bool execute(); // runs to completion; false on error
    // Binds the values to ?1, ?2, ... in the order given, then execute(): one line for an insert's row.
    template <typename... Values>
    bool executeWith(const Values&... values)
    {
        int index = 0;
        (bind(++index, values), ...);
        return execute();
    }
    void reset();

    qint64 int64(int column) const;
    double real(int column) const;
    QString text(int column) const;
    bool isNull(int column) const;
    std::optional<int> optionalInt(int column) const;
    std::optional<double> optionalReal(int column) const;

private:
    sqlite3* m_db = nullptr;
    sqlite3_stmt* m_stmt = nullptr;
    QString m_error;
};

class SqliteDatabase {
public:
    SqliteDatabase() = default;
    ~SqliteDatabase();
    SqliteDatabase(const SqliteDatabase&) = delete;
    SqliteDatabase& operator=(const SqliteDatabase&) = delete;

    bool open(const QString& path, QString* error);
    bool exec(const char* sql, QString* error = nullptr);
    SqliteStatement prepare(const char* sql) const { return SqliteStatement(m_db, sql); }
    qint64 lastInsertId() const;
    QString lastError() const;
    sqlite3* handle() const { return m_db; }

private:
    sqlite3* m_db = nullptr;
};

// Begins a transaction; rolls back on destruction unless commit() succeeded.
class SqliteTransaction {
public:
    explicit SqliteTransaction(SqliteDatabase& db);
    ~SqliteTransaction();
    bool commit(QString* error = nullptr);
    bool isActive() const { return m_active; }

private:
    SqliteDatabase& m_db;
    bool m_active = false;
};

} // namespace makran
