#include "export/countrycodes.h"

#include <array>

namespace makran {

namespace {

constexpr std::array kCountries = {
    CountryCode{u"PK", u"PAK", 586, u"Pakistan", u"Southern Asia"},
    CountryCode{u"IR", u"IRN", 364, u"Iran", u"Middle East"},
    CountryCode{u"AF", u"AFG", 4, u"Afghanistan", u"Southern Asia"},
    CountryCode{u"IN", u"IND", 356, u"India", u"Southern Asia"},
    CountryCode{u"OM", u"OMN", 512, u"Oman", u"Middle East"},
    CountryCode{u"AE", u"ARE", 784, u"United Arab Emirates", u"Middle East"},
    CountryCode{u"SA", u"SAU", 682, u"Saudi Arabia", u"Middle East"},
    CountryCode{u"QA", u"QAT", 634, u"Qatar", u"Middle East"},
    CountryCode{u"IQ", u"IRQ", 368, u"Iraq", u"Middle East"},
    CountryCode{u"TR", u"TUR", 792, u"Turkey", u"Middle East"},
    CountryCode{u"TM", u"TKM", 795, u"Turkmenistan", u"Caucasus and Central Asia"},
    CountryCode{u"CN", u"CHN", 156, u"China", u"East Asia"},
    CountryCode{u"IL", u"ISR", 376, u"Israel", u"Middle East"},
    CountryCode{u"SY", u"SYR", 760, u"Syria", u"Middle East"},
    CountryCode{u"JO", u"JOR", 400, u"Jordan", u"Middle East"},
    CountryCode{u"KW", u"KWT", 414, u"Kuwait", u"Middle East"},
    CountryCode{u"BH", u"BHR", 48, u"Bahrain", u"Middle East"},
    CountryCode{u"TJ", u"TJK", 762, u"Tajikistan", u"Caucasus and Central Asia"},
    CountryCode{u"GB", u"GBR", 826, u"United Kingdom", u"Europe"},
    CountryCode{u"US", u"USA", 840, u"United States", u"North America"},
};

} // namespace

const CountryCode* countryByIso2(QStringView iso2)
{
    for (const CountryCode& country : kCountries) {
        if (iso2.compare(QStringView(country.iso2), Qt::CaseInsensitive) == 0)
            return &country;
    }
    return nullptr;
}

const CountryCode* countryByName(QStringView name)
{
    for (const CountryCode& country : kCountries) {
        if (name.trimmed().compare(QStringView(country.name), Qt::CaseInsensitive) == 0)
            return &country;
    }
    return nullptr;
}

const CountryCode* countryByNumeric(int numeric)
{
    for (const CountryCode& country : kCountries) {
        if (country.numeric == numeric)
            return &country;
    }
    return nullptr;
}

QString countryName(QStringView iso2)
{
    const CountryCode* country = countryByIso2(iso2);
    return country ? QString::fromUtf16(country->name) : iso2.toString();
}

} // namespace makran
