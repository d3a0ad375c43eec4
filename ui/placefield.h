#pragma once

#include <QLineEdit>

class QStringListModel;

namespace makran {

// A place name box that completes from the built-in gazetteer as the user types. Suggestions read
// "Kalat, Balochistan" (name and province, or country for a country), which IncidentFields::parse()
// accepts and which tells namesakes apart.
class PlaceField : public QLineEdit {
    Q_OBJECT
  public:
    explicit PlaceField(QWidget* parent = nullptr);

    static QStringList suggestionsFor(const QString& prefix, int limit = 12);

  signals:
    void placeChosen(const QString& text); // a suggestion was picked

  private:
    void updateSuggestions(const QString& text);
    QStringListModel* m_model = nullptr;
};

} // namespace makran
