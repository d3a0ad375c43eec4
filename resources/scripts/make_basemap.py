#!/usr/bin/env python3
"""Build resources/geo/basemap.bin from Natural Earth data in QGIS's world_map.gpkg.

Usage: make_basemap.py WORLD_MAP_GPKG [OUTPUT]   (default output: ../geo/basemap.bin)

The binary layout is documented in resources/geo/README.md and app/geo/basemap.h.
Re-running on the same input gives the same bytes.
"""
import os
import struct
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import geokit  # noqa: E402

REGION = (25.0, 5.0, 95.0, 50.0)          # countries whose extent touches this are kept
WINDOW = (10.0, -12.0, 110.0, 62.0)       # parts of far-flung countries outside it are dropped
CORE = (40.0, 18.0, 80.0, 40.0)           # small islands are kept only near the focus region
FOCUS = {'PK', 'IR', 'AF'}
FOCUS_TOLERANCE = 0.01
OTHER_TOLERANCE = 0.05
MIN_ISLAND_AREA = 0.005                   # square degrees, roughly 7 km x 7 km

# Natural Earth's spellings in this file predate renames and use abbreviations; the project
# uses current English names (the Natural Earth names stay as gazetteer variants).
ADMIN1_NAMES = {
    ('PK', 'Baluchistan'): 'Balochistan',
    ('PK', 'Sind'): 'Sindh',
    ('PK', 'K.P.'): 'Khyber Pakhtunkhwa',
    ('PK', 'F.C.T.'): 'Islamabad Capital Territory',
    ('PK', 'Northern Areas'): 'Gilgit-Baltistan',
    ('IR', 'Ardebil'): 'Ardabil',
    ('IR', 'Esfahan'): 'Isfahan',
    ('IR', 'Kordestan'): 'Kurdistan',
    ('IR', 'East Azarbaijan'): 'East Azerbaijan',
    ('IR', 'West Azarbaijan'): 'West Azerbaijan',
    ('IR', 'Chahar Mahall and Bakhtiari'): 'Chaharmahal and Bakhtiari',
    ('IR', 'Kohgiluyeh and Buyer Ahmad'): 'Kohgiluyeh and Boyer-Ahmad',
    ('AF', 'Hilmand'): 'Helmand',
    ('AF', 'Hirat'): 'Herat',
    ('AF', 'Paktya'): 'Paktia',
    ('AF', 'Sari Pul'): 'Sar-e Pol',
    ('AF', 'Jawzjan'): 'Jowzjan',
}
# Two Afghan provinces carry their neighbour's name in this file; the geometry tells them apart.
ADMIN1_BY_FID = {6699: 'Panjshir', 6707: 'Parwan', 6714: 'Daykundi', 8064: 'Uruzgan'}
MERGE_INTO = {('PK', 'F.A.T.A.'): 'Khyber Pakhtunkhwa'}  # merged into the province in 2018

# ISO 3166-2 codes (ISO 3166/MA lists as published on Wikipedia's ISO_3166-2:PK/IR/AF pages).
ISO_3166_2 = {
    'PK': {'Balochistan': 'PK-BA', 'Gilgit-Baltistan': 'PK-GB', 'Islamabad Capital Territory': 'PK-IS',
           'Azad Kashmir': 'PK-JK', 'Khyber Pakhtunkhwa': 'PK-KP', 'Punjab': 'PK-PB', 'Sindh': 'PK-SD'},
    'IR': {'Alborz': 'IR-32', 'Ardabil': 'IR-03', 'West Azerbaijan': 'IR-02', 'East Azerbaijan': 'IR-01',
           'Bushehr': 'IR-06', 'Chaharmahal and Bakhtiari': 'IR-08', 'Isfahan': 'IR-04', 'Fars': 'IR-14',
           'Gilan': 'IR-19', 'Golestan': 'IR-27', 'Hamadan': 'IR-24', 'Hormozgan': 'IR-23', 'Ilam': 'IR-05',
           'Kerman': 'IR-15', 'Kermanshah': 'IR-17', 'South Khorasan': 'IR-29', 'Razavi Khorasan': 'IR-30',
           'North Khorasan': 'IR-31', 'Khuzestan': 'IR-10', 'Kohgiluyeh and Boyer-Ahmad': 'IR-18',
           'Kurdistan': 'IR-16', 'Lorestan': 'IR-20', 'Markazi': 'IR-22', 'Mazandaran': 'IR-21',
           'Qazvin': 'IR-28', 'Qom': 'IR-26', 'Semnan': 'IR-12', 'Sistan and Baluchestan': 'IR-13',
           'Tehran': 'IR-07', 'Yazd': 'IR-25', 'Zanjan': 'IR-11'},
    'AF': {'Badakhshan': 'AF-BDS', 'Badghis': 'AF-BDG', 'Baghlan': 'AF-BGL', 'Balkh': 'AF-BAL',
           'Bamyan': 'AF-BAM', 'Daykundi': 'AF-DAY', 'Farah': 'AF-FRA', 'Faryab': 'AF-FYB', 'Ghazni': 'AF-GHA',
           'Ghor': 'AF-GHO', 'Helmand': 'AF-HEL', 'Herat': 'AF-HER', 'Jowzjan': 'AF-JOW', 'Kabul': 'AF-KAB',
           'Kandahar': 'AF-KAN', 'Kapisa': 'AF-KAP', 'Khost': 'AF-KHO', 'Kunar': 'AF-KNR', 'Kunduz': 'AF-KDZ',
           'Laghman': 'AF-LAG', 'Logar': 'AF-LOG', 'Nangarhar': 'AF-NAN', 'Nimroz': 'AF-NIM',
           'Nuristan': 'AF-NUR', 'Paktia': 'AF-PIA', 'Paktika': 'AF-PKA', 'Panjshir': 'AF-PAN',
           'Parwan': 'AF-PAR', 'Samangan': 'AF-SAM', 'Sar-e Pol': 'AF-SAR', 'Takhar': 'AF-TAK',
           'Uruzgan': 'AF-URU', 'Wardak': 'AF-WAR', 'Zabul': 'AF-ZAB'},
}

# Natural Earth's short map labels, spelled out (shared with make_gazetteer.py).
COUNTRY_NAMES = {
    'AG': 'Antigua and Barbuda', 'BA': 'Bosnia and Herzegovina', 'CD': 'Democratic Republic of the Congo',
    'CF': 'Central African Republic', 'CK': 'Cook Islands', 'DO': 'Dominican Republic',
    'EH': 'Western Sahara', 'FK': 'Falkland Islands', 'FO': 'Faroe Islands', 'GQ': 'Equatorial Guinea',
    'GS': 'South Georgia and the South Sandwich Islands', 'HM': 'Heard Island and McDonald Islands',
    'IO': 'British Indian Ocean Territory', 'KN': 'Saint Kitts and Nevis', 'KY': 'Cayman Islands',
    'MH': 'Marshall Islands', 'MK': 'North Macedonia', 'MP': 'Northern Mariana Islands',
    'PF': 'French Polynesia', 'PM': 'Saint Pierre and Miquelon', 'PN': 'Pitcairn Islands',
    'SB': 'Solomon Islands', 'SS': 'South Sudan', 'ST': 'Sao Tome and Principe', 'SZ': 'Eswatini',
    'TC': 'Turks and Caicos Islands', 'TF': 'French Southern and Antarctic Lands',
    'UM': 'United States Minor Outlying Islands', 'US': 'United States', 'VC': 'Saint Vincent and the Grenadines',
    'VG': 'British Virgin Islands', 'VI': 'United States Virgin Islands', 'WF': 'Wallis and Futuna',
    'BL': 'Saint Barthelemy', 'MF': 'Saint Martin', 'FM': 'Micronesia', 'TK': 'Tokelau',
    'CI': "Cote d'Ivoire", 'CW': 'Curacao', 'AX': 'Aland Islands', 'FR': 'France',
}
UNASSIGNED_CODE = 'XX'
UNASSIGNED_NAME = 'Disputed or unassigned areas'


def country_name(iso2, ne_name):
    if iso2 in COUNTRY_NAMES:
        return COUNTRY_NAMES[iso2]
    return ne_name or UNASSIGNED_NAME


def load_features(gpkg):
    features = []
    for row in geokit.read_table(gpkg, 'countries', ['fid', 'iso_a2', 'NAME']):
        iso2 = row['iso_a2'] if row['iso_a2'] and len(row['iso_a2']) == 2 else UNASSIGNED_CODE
        if not row['NAME'] and iso2 != UNASSIGNED_CODE:
            continue
        polys = row['polygons']
        extent = geokit.bbox([p for poly in polys for p in poly[0]])
        if not geokit.bbox_intersects(extent, REGION):
            continue
        if iso2 not in FOCUS:
            kept = []
            for poly in polys:
                box = geokit.bbox(poly[0])
                if not geokit.bbox_intersects(box, WINDOW):
                    continue
                if geokit.polygon_area(poly) < MIN_ISLAND_AREA and not geokit.bbox_intersects(box, CORE):
                    continue
                kept.append(poly)
            polys = kept
        if not polys:
            continue
        features.append({'layer': 0, 'cc': iso2, 'name': country_name(iso2, row['NAME']), 'code': '',
                         'polygons': polys})

    provinces = {}
    merges = []
    for row in geokit.read_table(gpkg, 'states_provinces', ['fid', 'iso_a2', 'name']):
        cc = row['iso_a2']
        if cc not in FOCUS:
            continue
        if (cc, row['name']) in MERGE_INTO:
            merges.append((MERGE_INTO[(cc, row['name'])], row['polygons']))
            continue
        name = ADMIN1_BY_FID.get(row['fid']) or ADMIN1_NAMES.get((cc, row['name']), row['name'])
        if name in provinces:
            raise SystemExit('duplicate province %s' % name)
        provinces[name] = {'layer': 1, 'cc': cc, 'name': name, 'code': ISO_3166_2[cc].get(name, ''),
                           'polygons': row['polygons']}
    for target, polys in merges:
        merged = geokit.dissolve(provinces[target]['polygons'], polys)
        # Outer rings are counter-clockwise after the dissolve only if the input was; regroup
        # by area so the largest ring leads the polygon used for the label point.
        merged.sort(key=lambda r: -abs(geokit.ring_area(r)))
        provinces[target]['polygons'] = [[r] for r in merged]
    for name in sorted(provinces, key=lambda n: (provinces[n]['cc'], n)):
        features.append(provinces[name])
    check_afghan_swap(provinces)
    return features


def check_afghan_swap(provinces):
    """Guard the fid-based renames: Panjshir lies north-east of Parwan, Daykundi north of Uruzgan."""
    def centre(name):
        ring = provinces[name]['polygons'][0][0]
        return sum(p[0] for p in ring) / len(ring), sum(p[1] for p in ring) / len(ring)
    if not (centre('Panjshir')[0] > centre('Parwan')[0] and centre('Daykundi')[1] > centre('Uruzgan')[1]):
        raise SystemExit('Afghan province identification no longer matches the geometry')


def simplify(features):
    rings, tolerances, owner = [], [], []
    for fi, feature in enumerate(features):
        tol = FOCUS_TOLERANCE if feature['cc'] in FOCUS else OTHER_TOLERANCE
        for pi, poly in enumerate(feature['polygons']):
            for ring in poly:
                rings.append(ring)
                tolerances.append(tol)
                owner.append((fi, pi))
    simplified = geokit.simplify_shared(rings, tolerances)
    for feature in features:
        feature['polygons'] = [[] for _ in feature['polygons']]
    for ring, (fi, pi) in zip(simplified, owner):
        if len(ring) >= 3 and abs(geokit.ring_area(ring)) > 1e-6:
            features[fi]['polygons'][pi].append(ring)
    for feature in features:
        feature['polygons'] = [p for p in feature['polygons'] if p]


def encode_string(text):
    data = text.encode('utf-8')
    return struct.pack('<H', len(data)) + data


def write(features, path):
    out = bytearray(b'MKBM')
    out += struct.pack('<II', 1, len(features))
    for f in features:
        label = geokit.label_point(f['polygons'])
        f['label'] = label
        out += struct.pack('<B', f['layer'])
        out += f['cc'].encode('ascii')
        out += encode_string(f['name'])
        out += encode_string(f['code'])
        out += struct.pack('<ff', label[0], label[1])
        rings = [r for poly in f['polygons'] for r in poly]
        out += struct.pack('<I', len(rings))
        for ring in rings:
            out += struct.pack('<I', len(ring))
            for x, y in ring:
                out += struct.pack('<ff', x, y)
    with open(path, 'wb') as fh:
        fh.write(out)
    return len(out)


def main(argv):
    if len(argv) < 2:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    here = os.path.dirname(os.path.abspath(__file__))
    output = argv[2] if len(argv) > 2 else os.path.join(here, '..', 'geo', 'basemap.bin')
    features = load_features(argv[1])
    simplify(features)
    size = write(features, output)
    points = sum(len(r) for f in features for p in f['polygons'] for r in p)
    countries = sum(1 for f in features if f['layer'] == 0)
    print('%s: %d countries, %d provinces, %d points, %d bytes' %
          (output, countries, len(features) - countries, points, size))
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
