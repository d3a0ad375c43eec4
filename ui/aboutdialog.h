#pragma once

class QString;
class QWidget;

namespace makran {

// Help ▸ About: what the program is and whose data it draws on (attribution is a licence condition).
void showAboutDialog(QWidget* parent);
QString aboutText();

} // namespace makran
