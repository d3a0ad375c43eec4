#include "aboutdialog.h"

#include <QCoreApplication>
#include <QMessageBox>
#include <QObject>
#include <QString>

namespace makran {

QString aboutText()
{
    return QObject::
        tr("<h3>Makran %1</h3>"
           "<p>An incident browser for analysts following security incidents in Pakistan's Balochistan and "
           "Iran's Sistan and Baluchestan. Every incident leads back to the words of the reports it came "
           "from.</p>"
           "<p><b>Data</b></p><ul>"
           "<li>Basemap: <a href=\"https://www.naturalearthdata.com/\">Natural Earth</a> (public "
           "domain).</li>"
           "<li>Place names: <a href=\"https://www.geonames.org/\">GeoNames</a>, licensed under "
           "<a href=\"https://creativecommons.org/licenses/by/4.0/\">CC BY 4.0</a>.</li>"
           "<li>Event types follow the ACLED codebook.</li>"
           "<li>Arabic-script text: Noto Naskh Arabic (SIL Open Font License).</li></ul>"
           "<p>Licensed under the GNU General Public License v3.</p>")
            .arg(QCoreApplication::applicationVersion());
}

void showAboutDialog(QWidget* parent)
{
    QMessageBox::about(parent, QObject::tr("About Makran"), aboutText());
}

} // namespace makran
