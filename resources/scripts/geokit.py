"""Small geometry and GeoPackage helpers shared by make_basemap.py and make_gazetteer.py.

Standard library only, so the data can be rebuilt on any machine with Python 3.
Rings are lists of (lon, lat) tuples without the repeated closing point.
"""
import heapq
import math
import sqlite3
import struct

# --- GeoPackage -------------------------------------------------------------

_ENVELOPE_BYTES = {0: 0, 1: 32, 2: 48, 3: 48, 4: 64}


def parse_gpkg_geometry(blob):
    """Decode a GeoPackage geometry blob into a list of polygons (each a list of rings)."""
    if blob is None or blob[:2] != b'GP':
        raise ValueError('not a GeoPackage geometry')
    flags = blob[3]
    offset = 8 + _ENVELOPE_BYTES[(flags >> 1) & 7]
    polygons, _ = _parse_wkb(blob, offset)
    return polygons


def _parse_wkb(blob, offset):
    endian = '<' if blob[offset] == 1 else '>'
    kind = struct.unpack_from(endian + 'I', blob, offset + 1)[0] % 1000
    offset += 5
    if kind == 3:
        nrings = struct.unpack_from(endian + 'I', blob, offset)[0]
        offset += 4
        rings = []
        for _ in range(nrings):
            npts = struct.unpack_from(endian + 'I', blob, offset)[0]
            offset += 4
            pts = list(struct.iter_unpack(endian + 'dd', blob[offset:offset + 16 * npts]))
            offset += 16 * npts
            if len(pts) > 1 and pts[0] == pts[-1]:
                pts.pop()
            rings.append(pts)
        return [rings], offset
    if kind == 6:
        count = struct.unpack_from(endian + 'I', blob, offset)[0]
        offset += 4
        polygons = []
        for _ in range(count):
            part, offset = _parse_wkb(blob, offset)
            polygons.extend(part)
        return polygons, offset
    raise ValueError('unsupported WKB geometry type %d' % kind)


def read_table(path, table, columns):
    """Rows of a GeoPackage feature table as dicts with a 'polygons' entry."""
    db = sqlite3.connect(path)
    try:
        cols = ', '.join('"%s"' % c for c in columns)
        rows = []
        for row in db.execute('SELECT %s, geom FROM "%s" ORDER BY fid' % (cols, table)):
            record = dict(zip(columns, row[:-1]))
            record['polygons'] = parse_gpkg_geometry(row[-1])
            rows.append(record)
        return rows
    finally:
        db.close()


# --- basic geometry -----------------------------------------------------------

def ring_area(ring):
    """Signed area in square degrees (positive for counter-clockwise)."""
    total = 0.0
    n = len(ring)
    for i in range(n):
        x1, y1 = ring[i]
        x2, y2 = ring[(i + 1) % n]
        total += x1 * y2 - x2 * y1
    return total / 2.0


def polygon_area(rings):
    return abs(ring_area(rings[0])) - sum(abs(ring_area(r)) for r in rings[1:])


def bbox(points):
    xs = [p[0] for p in points]
    ys = [p[1] for p in points]
    return min(xs), min(ys), max(xs), max(ys)


def bbox_intersects(a, b):
    return a[0] <= b[2] and b[0] <= a[2] and a[1] <= b[3] and b[1] <= a[3]


def point_in_rings(x, y, rings):
    """Even-odd test over any set of rings (outer rings and holes alike)."""
    inside = False
    for ring in rings:
        n = len(ring)
        j = n - 1
        for i in range(n):
            xi, yi = ring[i]
            xj, yj = ring[j]
            if (yi > y) != (yj > y):
                cross = (xj - xi) * (y - yi) / (yj - yi) + xi
                if x < cross:
                    inside = not inside
            j = i
    return inside


def segment_distance(px, py, ax, ay, bx, by):
    dx, dy = bx - ax, by - ay
    length2 = dx * dx + dy * dy
    t = 0.0 if length2 == 0 else max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / length2))
    return math.hypot(px - (ax + t * dx), py - (ay + t * dy))


def distance_to_rings(x, y, rings):
    best = float('inf')
    for ring in rings:
        n = len(ring)
        for i in range(n):
            ax, ay = ring[i]
            bx, by = ring[(i + 1) % n]
            best = min(best, segment_distance(x, y, ax, ay, bx, by))
    return best


# --- simplification -------------------------------------------------------------

def douglas_peucker(points, tolerance):
    """Simplify an open polyline, always keeping both ends."""
    if len(points) < 3:
        return list(points)
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        ax, ay = points[first]
        bx, by = points[last]
        worst, index = -1.0, -1
        for i in range(first + 1, last):
            d = segment_distance(points[i][0], points[i][1], ax, ay, bx, by)
            if d > worst:
                worst, index = d, i
        if index >= 0 and worst > tolerance:
            keep[index] = True
            stack.append((first, index))
            stack.append((index, last))
    return [p for p, k in zip(points, keep) if k]


def simplify_shared(rings, tolerances):
    """Simplify rings so that borders shared by neighbours stay identical.

    Each ring is cut at the vertices where the set of rings sharing an edge changes; every
    resulting arc is simplified once, in a canonical direction, with the smallest tolerance of
    the rings that use it, so neighbouring provinces and countries keep one common border.
    """
    edge_owners = {}
    for rid, ring in enumerate(rings):
        n = len(ring)
        for i in range(n):
            a, b = ring[i], ring[(i + 1) % n]
            edge_owners.setdefault((min(a, b), max(a, b)), set()).add(rid)

    cache = {}

    def simplify_arc(arc, tolerance):
        forward = arc[0] < arc[-1] or (arc[0] == arc[-1] and arc[1] <= arc[-2])
        key = tuple(arc if forward else arc[::-1])
        if key not in cache:
            cache[key] = douglas_peucker(list(key), tolerance)
        result = cache[key]
        return list(result) if forward else result[::-1]

    out = []
    for rid, ring in enumerate(rings):
        n = len(ring)
        if n < 4:
            out.append(list(ring))
            continue
        owners = []
        for i in range(n):
            a, b = ring[i], ring[(i + 1) % n]
            owners.append(frozenset(edge_owners[(min(a, b), max(a, b))]))
        cuts = [i for i in range(n) if owners[i] != owners[i - 1]]
        if not cuts:
            # A ring nobody shares an edge with (an island, or one matched whole): anchor the
            # arc at its smallest vertex so every copy of it simplifies the same way.
            start = min(range(n), key=lambda i: ring[i])
            rotated = ring[start:] + ring[:start]
            if rotated[1] > rotated[-1]:
                rotated = [rotated[0]] + rotated[1:][::-1]
            far = max(range(n), key=lambda i: (rotated[i][0] - rotated[0][0]) ** 2 +
                      (rotated[i][1] - rotated[0][1]) ** 2)
            tol = min(tolerances[r] for r in owners[0])
            first = douglas_peucker(rotated[:far + 1], tol)
            second = douglas_peucker(rotated[far:] + [rotated[0]], tol)
            out.append(first[:-1] + second[:-1])
            continue
        result = []
        for k, start in enumerate(cuts):
            end = cuts[(k + 1) % len(cuts)]
            arc = [ring[(start + j) % n] for j in range(((end - start) % n or n) + 1)]
            tol = min(tolerances[r] for r in owners[start])
            result.extend(simplify_arc(arc, tol)[:-1])
        out.append(result)
    return out


def dissolve(polygons_a, polygons_b):
    """Merge two sets of polygons that share exact border vertices into one ring list.

    Edges present in both (in opposite directions) are interior and dropped; the remaining
    edges are chained back into rings. Used to fold the former FATA into Khyber Pakhtunkhwa.
    """
    edges = {}
    for rings in (polygons_a, polygons_b):
        for poly in rings:
            for ring in poly:
                n = len(ring)
                for i in range(n):
                    a, b = ring[i], ring[(i + 1) % n]
                    if (b, a) in edges:
                        edges[(b, a)] -= 1
                        if edges[(b, a)] == 0:
                            del edges[(b, a)]
                    else:
                        edges[(a, b)] = edges.get((a, b), 0) + 1
    outgoing = {}
    for (a, b), count in edges.items():
        for _ in range(count):
            outgoing.setdefault(a, []).append(b)
    rings = []
    while outgoing:
        start = next(iter(outgoing))
        ring = [start]
        current = start
        while True:
            nxt = outgoing[current].pop()
            if not outgoing[current]:
                del outgoing[current]
            if nxt == start:
                break
            ring.append(nxt)
            current = nxt
            if current not in outgoing:
                break
        if len(ring) >= 3:
            rings.append(ring)
    return rings


# --- label points -----------------------------------------------------------------

def interior_point(rings, precision=0.01):
    """A point well inside the polygon (pole of inaccessibility by cell subdivision).

    Cells are refined best-first by the largest possible distance to the boundary they could
    contain; the answer is the cell centre farthest from every edge.
    """
    outer = rings[0]
    min_x, min_y, max_x, max_y = bbox(outer)
    size = max(max_x - min_x, max_y - min_y)
    if size == 0:
        return outer[0]

    def signed_distance(x, y):
        d = distance_to_rings(x, y, rings)
        return d if point_in_rings(x, y, rings) else -d

    half = size / 2.0
    heap = []
    counter = 0
    x = min_x
    while x < max_x:
        y = min_y
        while y < max_y:
            cx, cy = x + half, y + half
            d = signed_distance(cx, cy)
            heapq.heappush(heap, (-(d + half * math.sqrt(2)), counter, cx, cy, half, d))
            counter += 1
            y += size
        x += size
    # Start from the area-weighted centroid so convex shapes finish quickly.
    area = 0.0
    sx = sy = 0.0
    n = len(outer)
    for i in range(n):
        x1, y1 = outer[i]
        x2, y2 = outer[(i + 1) % n]
        f = x1 * y2 - x2 * y1
        area += f
        sx += (x1 + x2) * f
        sy += (y1 + y2) * f
    if area != 0:
        best = (sx / (3 * area), sy / (3 * area))
    else:
        best = outer[0]
    best_d = signed_distance(*best)
    steps = 0
    while heap and steps < 20000:
        steps += 1
        potential, _, cx, cy, h, d = heapq.heappop(heap)
        if d > best_d:
            best, best_d = (cx, cy), d
        if -potential - best_d <= precision:
            continue
        h /= 2.0
        for ox in (-h, h):
            for oy in (-h, h):
                nx, ny = cx + ox, cy + oy
                nd = signed_distance(nx, ny)
                heapq.heappush(heap, (-(nd + h * math.sqrt(2)), counter, nx, ny, h, nd))
                counter += 1
    return best


def label_point(polygons):
    """Interior point of the largest polygon of a feature."""
    largest = max(polygons, key=polygon_area)
    x, y = interior_point(largest)
    return round(x, 4), round(y, 4)
