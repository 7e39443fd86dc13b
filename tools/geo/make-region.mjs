// make-region.mjs: build region-countries.geojson from Natural Earth 1:10m admin 0 countries
// as redistributed by the npm package world-atlas (countries-10m.json, TopoJSON).
// Usage (in /work/h-geo):  node make-region.mjs
//
// Steps: TopoJSON -> GeoJSON (topojson-client `feature`), keep six countries, intersect each with
// the region box (polygon-clipping, which returns valid polygons with counter-clockwise exterior
// rings and clockwise holes), round to 5 decimals, drop repeated positions and degenerate rings,
// force RFC 7946 winding (@turf/rewind) and write the result.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { feature } from 'topojson-client';
import polygonClipping from 'polygon-clipping';
import rewind from '@turf/rewind';

const require = createRequire(import.meta.url);
const topo = JSON.parse(readFileSync(require.resolve('world-atlas/countries-10m.json'), 'utf8'));

const BBOX = { west: 43.0, south: 37.5, east: 51.0, north: 42.5 };
// world-atlas keeps only `name` and the ISO 3166-1 numeric code (as the feature id); the alpha-3
// codes below are the ISO 3166-1 codes for those numeric codes.
const KEEP = {
  '051': 'ARM', // Armenia
  '031': 'AZE', // Azerbaijan
  '268': 'GEO', // Georgia
  '364': 'IRN', // Iran
  '792': 'TUR', // Turkey
  '643': 'RUS', // Russia
};

const r5 = (x) => Math.round(x * 1e5) / 1e5;
const box = [[[BBOX.west, BBOX.south], [BBOX.east, BBOX.south], [BBOX.east, BBOX.north],
  [BBOX.west, BBOX.north], [BBOX.west, BBOX.south]]];

function cleanRing(ring) {
  const out = [];
  for (const [x, y] of ring) {
    const p = [r5(x), r5(y)];
    const last = out[out.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
  }
  if (out.length && (out[0][0] !== out[out.length - 1][0] || out[0][1] !== out[out.length - 1][1])) {
    out.push(out[0].slice());
  }
  return out.length >= 4 ? out : null;
}

const all = feature(topo, topo.objects.countries).features;
const features = [];
for (const f of all) {
  const a3 = KEEP[f.id];
  if (!a3) continue;
  const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
  const clipped = polygonClipping.intersection(polys, box);
  const cleaned = [];
  for (const poly of clipped) {
    const rings = [];
    for (let i = 0; i < poly.length; i++) {
      const r = cleanRing(poly[i]);
      if (r) rings.push(r);
      else if (i === 0) break; // exterior collapsed: drop the polygon
    }
    if (rings.length) cleaned.push(rings);
  }
  if (!cleaned.length) continue;
  const geometry = cleaned.length === 1
    ? { type: 'Polygon', coordinates: cleaned[0] }
    : { type: 'MultiPolygon', coordinates: cleaned };
  const out = rewind({ type: 'Feature', properties: { id: `country-${a3.toLowerCase()}`, name: f.properties.name }, geometry });
  features.push(out);
}
features.sort((a, b) => a.properties.id.localeCompare(b.properties.id));

const fc = {
  type: 'FeatureCollection',
  bbox: [BBOX.west, BBOX.south, BBOX.east, BBOX.north],
  features,
};
// One feature per line keeps diffs readable while the file stays small.
const text = '{"type":"FeatureCollection","bbox":' + JSON.stringify(fc.bbox) + ',"features":[\n'
  + features.map((f) => JSON.stringify(f)).join(',\n') + '\n]}\n';
writeFileSync('region-countries.geojson', text);
for (const f of features) {
  const g = f.geometry;
  const n = (g.type === 'Polygon' ? [g.coordinates] : g.coordinates).flat().reduce((s, r) => s + r.length, 0);
  console.log(f.properties.id, f.properties.name, g.type, 'positions:', n);
}
console.log('bytes:', Buffer.byteLength(text));
