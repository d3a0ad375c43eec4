#pragma once

#include <QString>

namespace makran {

// The few countries incidents in and around Balochistan and Sistan-Baluchestan are placed in, with the
// codes ACLED uses (numeric ISO 3166-1 in "iso", its own region names).
struct CountryCode {
    const char16_t* iso2;
    const char16_t* iso3;
    int numeric;
    const char16_t* name; // as ACLED spells it
    const char16_t* acledRegion;
};

const CountryCode* countryByIso2(QStringView iso2);
const CountryCode* countryByName(QStringView name); // case-insensitive
const CountryCode* countryByNumeric(int numeric);
QString countryName(QStringView iso2); // the ISO2 code itself when unknown

} // namespace makran
