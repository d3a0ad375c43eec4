#pragma once

#include "model/incident.h"

#include <QString>
#include <QStringList>

namespace makran {

class Extractor;

// Scores the extractor against a gold corpus: a folder of NAME.txt reports, each with NAME.json
// annotations ({"published", "incidents": [...], "quotes": [{"speaker","text"}]}).
class GoldEvaluation {
public:
    struct Ratio {
        int right = 0;
        int total = 0;
        double value() const { return total ? double(right) / total : 0.0; }
    };
    struct Scores {
        int reports = 0;
        int goldIncidents = 0;
        int predictedIncidents = 0;
        int matchedIncidents = 0;
        Ratio exactDay;     // of matched incidents whose gold date is exact
        Ratio province;     // of matched incidents
        Ratio place;        // of matched incidents
        Ratio eventType;    // ACLED event_type, of matched incidents
        Ratio subEventType; // ACLED sub_event_type, of matched incidents
        Ratio fatalities;   // of matched incidents with a gold figure
        Ratio quoteRecall;  // gold quotes found
        Ratio quoteSpeaker; // found quotes with the right speaker
        double recall() const { return goldIncidents ? double(matchedIncidents) / goldIncidents : 0.0; }
        double precision() const { return predictedIncidents ? double(matchedIncidents) / predictedIncidents : 0.0; }
    };

    explicit GoldEvaluation(const Extractor& extractor) : m_extractor(extractor) {}
    // False with *error when the folder holds no readable gold pairs; per-file problems go to log().
    bool run(const QString& goldDir, QString* error);
    const Scores& scores() const { return m_scores; }
    const QStringList& log() const { return m_log; } // one line per miss, for --verbose
    QString report() const;                          // the table `makran-cli eval` prints

private:
    void evaluateFile(const QString& textPath, const QString& goldPath);
    const Extractor& m_extractor;
    Scores m_scores;
    QStringList m_log;
};

} // namespace makran
