// check-geo.mjs: validates region-countries.geojson and demo-geography.geojson. Usage: node check-geo.mjs
import { readFileSync } from 'node:fs';
import kinks from '@turf/kinks';
import area from '@turf/area';
import booleanClockwise from '@turf/boolean-clockwise';
import pip from '@turf/boolean-point-in-polygon';
import intersects from '@turf/boolean-intersects';
import p2l from '@turf/point-to-line-distance';

const BBOX = [43, 37.5, 51, 42.5];
let errors = 0;
const fail = (m) => { errors++; console.log('ERROR', m); };

function rings(g) {
  if (g.type === 'Polygon') return [g.coordinates];
  if (g.type === 'MultiPolygon') return g.coordinates;
  return [];
}
function positions(g) {
  if (g.type === 'Point') return [g.coordinates];
  if (g.type === 'LineString') return g.coordinates;
  return rings(g).flat(2).length ? rings(g).flat(1).flat(1) : [];
}
function checkFile(file, demo) {
  const fc = JSON.parse(readFileSync(file, 'utf8'));
  if (fc.type !== 'FeatureCollection') fail(`${file}: not a FeatureCollection`);
  const ids = new Set();
  for (const f of fc.features) {
    const id = f.properties?.id ?? '(no id)';
    if (ids.has(id)) fail(`${file} ${id}: duplicate id`); ids.add(id);
    const g = f.geometry;
    for (const p of positions(g)) {
      if (p.length !== 2 || !p.every(Number.isFinite)) fail(`${file} ${id}: bad position ${JSON.stringify(p)}`);
      else if (p[0] < BBOX[0] || p[0] > BBOX[2] || p[1] < BBOX[1] || p[1] > BBOX[3]) fail(`${file} ${id}: outside region ${p}`);
      else if (p.some((v) => Math.abs(v * 1e5 - Math.round(v * 1e5)) > 1e-6)) fail(`${file} ${id}: more than 5 decimals ${p}`);
    }
    if (g.type === 'LineString' && g.coordinates.length < 2) fail(`${file} ${id}: line with < 2 positions`);
    for (const poly of rings(g)) {
      poly.forEach((r, i) => {
        const a = r[0], b = r[r.length - 1];
        if (r.length < 4) fail(`${file} ${id}: ring ${i} has ${r.length} positions`);
        if (a[0] !== b[0] || a[1] !== b[1]) fail(`${file} ${id}: ring ${i} not closed`);
        const cw = booleanClockwise(r);
        if (i === 0 && cw) fail(`${file} ${id}: exterior ring clockwise`);
        if (i > 0 && !cw) fail(`${file} ${id}: hole ${i} counter-clockwise`);
        if (demo && (r.length - 1 < 8 || r.length - 1 > 40)) fail(`${file} ${id}: ${r.length - 1} vertices (want 8–40)`);
      });
    }
    if (g.type === 'Polygon' || g.type === 'MultiPolygon') {
      const k = kinks(f).features.length;
      if (k) fail(`${file} ${id}: ${k} self-intersection(s)`);
    }
    if (demo) {
      const p = f.properties;
      const classes = { line: ['line_of_contact', 'demarcation_proposal', 'road', 'railway'],
        zone: ['area_of_control', 'administrative_unit', 'peacekeeping_zone', 'corridor', 'buffer'],
        point: ['post', 'checkpoint', 'border_crossing', 'heritage_site', 'settlement'],
        hazard: ['suspected', 'confirmed'], cleared: ['cancelled', 'reduced', 'cleared'] };
      if (!classes[p.kind]?.includes(p.class)) fail(`${id}: kind/class ${p.kind}/${p.class}`);
      const geomOk = { line: ['LineString'], point: ['Point'], zone: ['Polygon', 'MultiPolygon'], hazard: ['Polygon', 'MultiPolygon'], cleared: ['Polygon', 'MultiPolygon'] }[p.kind];
      if (!geomOk?.includes(g.type)) fail(`${id}: geometry ${g.type} for kind ${p.kind}`);
      for (const k of ['id', 'kind', 'class', 'names', 'place', 'validFrom', 'validTo', 'controlledBy', 'illustrative', 'basis'])
        if (!(k in p)) fail(`${id}: missing ${k}`);
      if (!/^[a-z0-9-]+$/.test(p.id)) fail(`${id}: id not neutral lower-case`);
      if (!Array.isArray(p.names) || !p.names.length) fail(`${id}: no names`);
      for (const n of p.names) if (!['en', 'ru', 'hy', 'az'].includes(n.lang) || !n.name || !n.usedBy?.length) fail(`${id}: bad name ${JSON.stringify(n)}`);
      for (const d of ['validFrom', 'validTo']) if (p[d] !== null && !/^\d{4}-\d{2}-\d{2}$/.test(p[d])) fail(`${id}: bad ${d}`);
      if (p.validFrom && p.validTo && p.validFrom >= p.validTo) fail(`${id}: empty interval`);
      if ((p.controlledBy !== null) !== (p.class === 'area_of_control')) fail(`${id}: controlledBy only for area_of_control`);
      if (typeof p.illustrative !== 'boolean' || !p.basis) fail(`${id}: illustrative/basis`);
      const text = JSON.stringify(p).toLowerCase();
      for (const w of ['liberat', 'occupi', 'occupy', 'освобож', 'оккуп', 'işğal', 'azad ed', 'ազատագր', 'օկուպ', 'բռնազավթ'])
        if (text.includes(w)) fail(`${id}: loaded word "${w}"`);
    }
  }
  console.log(`${file}: ${fc.features.length} features, ${readFileSync(file).length} bytes`);
  return fc;
}

const region = checkFile('region-countries.geojson', false);
const demo = checkFile('demo-geography.geojson', true);

// Facts the demo layer must respect.
const by = (id) => demo.features.find((f) => f.properties.id === id);
const pt = (id) => by(id).geometry.coordinates;
const must = (cond, msg) => { if (!cond) fail(msg); else console.log('ok  ', msg); };
must(pip(pt('settlement-shusha-shushi'), by('zone-nkao-1988')), 'Shusha/Shushi inside the former NKAO');
must(pip(pt('settlement-stepanakert-khankendi'), by('zone-nkao-1988')), 'Stepanakert/Khankendi inside the former NKAO');
must(!pip(pt('settlement-aghdam'), by('zone-nkao-1988')), 'Aghdam outside the former NKAO');
must(!pip(pt('settlement-lachin-berdzor'), by('zone-nkao-1988')), 'Lachin/Berdzor outside the former NKAO');
must(!pip(pt('heritage-dadivank'), by('zone-nkao-1988')) && pip(pt('heritage-dadivank'), by('zone-kalbajar-handover')), 'Dadivank in the Kalbajar polygon, outside NKAO');
must(pip(pt('settlement-kalbajar-karvachar'), by('zone-kalbajar-handover')), 'Kalbajar town in the Kalbajar polygon');
must(pip(pt('settlement-lachin-berdzor'), by('zone-lachin-handover')), 'Lachin town in the Lachin polygon');
must(pip(pt('settlement-lachin-berdzor'), by('corridor-lachin')), 'Lachin town in the corridor');
must(pip(pt('heritage-tigranakert'), by('zone-aghdam-handover')), 'Tigranakert in the Aghdam polygon');
must(pip(pt('settlement-aghdam'), by('zone-aghdam-handover')), 'Aghdam town in the Aghdam polygon');
for (const id of ['heritage-gandzasar', 'heritage-amaras', 'heritage-ghazanchetsots', 'settlement-martakert-aghdara'])
  must(pip(pt(id), by('zone-nkao-1988')), `${id} inside the former NKAO`);
const shusha = pt('settlement-shusha-shushi');
must(!pip(shusha, by('corridor-lachin')), 'corridor does not contain Shusha/Shushi');
const dRoad = p2l(shusha, by('road-stepanakert-goris'), { units: 'kilometers' });
must(dRoad > 3, `road passes Shusha at ${dRoad.toFixed(1)} km`);
must(pip(pt('checkpoint-lachin-corridor'), by('corridor-lachin')), 'checkpoint inside the corridor');
const aze = region.features.find((f) => f.properties.id === 'country-aze');
for (const id of ['settlement-stepanakert-khankendi', 'settlement-shusha-shushi', 'settlement-kalbajar-karvachar', 'settlement-lachin-berdzor'])
  must(pip(pt(id), aze), `${id} lies inside Natural Earth's Azerbaijan outline`);
for (const id of ['zone-kalbajar-handover', 'zone-lachin-handover', 'zone-aghdam-handover', 'zone-nkao-1988', 'corridor-lachin', 'hazard-aghdam-suspected-1', 'cleared-aghdam-1'])
  console.log('area', id, (area(by(id)) / 1e4).toFixed(0), 'ha');
for (const [a, b] of [['zone-kalbajar-handover', 'zone-nkao-1988'], ['zone-lachin-handover', 'zone-nkao-1988'], ['zone-aghdam-handover', 'zone-nkao-1988'], ['zone-kalbajar-handover', 'zone-lachin-handover']]) {
  // shared edges are expected; report overlap area only if any interior overlap exists (checked coarsely)
}
const asOf = (d) => demo.features.filter((f) => f.properties.kind === 'zone' && (!f.properties.validFrom || f.properties.validFrom <= d) && (!f.properties.validTo || d < f.properties.validTo)).map((f) => f.properties.id);
console.log('zones as of 2020-11-10:', asOf('2020-11-10').join(', '));
console.log('zones as of 2020-11-25:', asOf('2020-11-25').join(', '));
console.log(errors ? `${errors} error(s)` : 'all checks passed');
process.exit(errors ? 1 : 0);
