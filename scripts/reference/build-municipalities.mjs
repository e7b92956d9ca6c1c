// Regenerates src/main/resources/reference/municipalities.csv.gz (see the README.md beside that file).
//
// Usage (from the repository root):
//   mkdir -p /tmp/refdata && (cd /tmp/refdata && npm install --no-save @marketto/belfiore-connector-embedded@1.2.1)
//   git clone (or the fetch tool) of the public repository openpolis/geojson-italy, tag 2023.1 or later, into /tmp/geojson-italy
//   node scripts/reference/build-municipalities.mjs /tmp/refdata/node_modules /tmp/geojson-italy/geojson
//
// Output: one row per cadastral (Belfiore) code, municipalities (also the ceased ones) and foreign states (Z...):
//   code;name;province;istat;region;valid_from;valid_to;lat;lon
// valid_from / valid_to are ISO dates (valid_to empty while the place exists); lat/lon (WGS84, 5 decimals)
// are the centroid of the municipal territory where openpolis has its limits, empty otherwise.
import { createRequire } from 'node:module';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const [modules, geojsonDir] = process.argv.slice(2);
if (!modules || !geojsonDir) {
  console.error('usage: node build-municipalities.mjs <node_modules> <geojson-italy/geojson>');
  process.exit(2);
}
const require = createRequire(join(modules, 'x.js'));
const { belfioreConnector } = require('@marketto/belfiore-connector-embedded');

// Area-weighted centroid of the polygons of a (Multi)Polygon, on the lon/lat plane (good enough for a few km).
function centroid(geometry) {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  let area = 0, cx = 0, cy = 0;
  for (const polygon of polygons) {
    polygon.forEach((ring, r) => {
      const sign = r === 0 ? 1 : -1;
      let a = 0, x = 0, y = 0;
      for (let i = 0; i < ring.length - 1; i++) {
        const [x0, y0] = ring[i], [x1, y1] = ring[i + 1];
        const f = x0 * y1 - x1 * y0;
        a += f; x += (x0 + x1) * f; y += (y0 + y1) * f;
      }
      area += sign * Math.abs(a / 2);
      const ra = a / 2;
      if (ra !== 0) {
        cx += sign * Math.abs(ra) * (x / (6 * ra));
        cy += sign * Math.abs(ra) * (y / (6 * ra));
      }
    });
  }
  return [cy / area, cx / area];
}

const geo = new Map();
for (const file of readdirSync(geojsonDir).filter(f => /^limits_P_\d+_municipalities\.geojson$/.test(f))) {
  const text = readFileSync(join(geojsonDir, file), 'utf8');
  const json = JSON.parse(text);
  for (const feature of json.features || []) {
    const p = feature.properties;
    const [lat, lon] = centroid(feature.geometry);
    geo.set(p.com_catasto_code, { lat, lon, name: p.name, istat: p.com_istat_code, region: p.reg_name, province: p.prov_acr });
  }
}

const iso = d => d.toISOString().slice(0, 10);
const clean = s => (s || '').replace(/[;\r\n]/g, ' ').trim();
const places = await belfioreConnector.toArray();
places.sort((a, b) => a.belfioreCode.localeCompare(b.belfioreCode));
const rows = ['code;name;province;istat;region;valid_from;valid_to;lat;lon'];
let withCoordinates = 0, ceased = 0, countries = 0;
for (const p of places) {
  const current = p.expirationDate.getUTCFullYear() >= 9999;
  const g = p.province && current ? geo.get(p.belfioreCode) : undefined;
  if (g) withCoordinates++;
  if (!current) ceased++;
  if (!p.province) countries++;
  rows.push([
    p.belfioreCode,
    clean(g ? g.name : p.name),
    (g ? g.province : p.province) || '',
    g ? g.istat : '',
    clean(g ? g.region : ''),
    iso(p.creationDate),
    current ? '' : iso(p.expirationDate),
    g ? g.lat.toFixed(5) : '',
    g ? g.lon.toFixed(5) : '',
  ].join(';'));
}
const out = join(process.cwd(), 'src/main/resources/reference/municipalities.csv.gz');
writeFileSync(out, gzipSync(Buffer.from(rows.join('\n') + '\n', 'utf8'), { level: 9 }));
console.log(`${places.length} codes (${countries} foreign states, ${ceased} ceased), ${withCoordinates} with coordinates -> ${out}`);
