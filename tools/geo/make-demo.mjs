// make-demo.mjs: writes demo-geography.geojson (demo layer for Truce issue 4).
// Hand-drawn approximate geometry is marked "illustrative": true; only points whose coordinates
// come from published coordinates are "illustrative": false. Usage: node make-demo.mjs
import { writeFileSync } from 'node:fs';
import rewind from '@turf/rewind';

const r5 = (x) => Math.round(x * 1e5) / 1e5;
const closed = (ring) => [...ring, ring[0]];
const poly = (ring) => ({ type: 'Polygon', coordinates: [closed(ring)] });
const line = (pts) => ({ type: 'LineString', coordinates: pts });
const point = (lon, lat) => ({ type: 'Point', coordinates: [lon, lat] });
const N = (lang, name, ...usedBy) => ({ lang, name, usedBy: usedBy.length ? usedBy : ['common'] });
const AM = ['am-government', 'nk-de-facto-authorities'];
const STATEMENT = 'Trilateral statement of 9/10 November 2020';

// --- Former NKAO boundary, illustrative (counter-clockwise from the north-west corner) -------
const NKAO = [
  [46.40, 40.25], [46.38, 40.18], [46.42, 40.12], [46.45, 40.06], [46.50, 40.00], [46.53, 39.94],
  [46.58, 39.88], [46.60, 39.82], [46.64, 39.77], [46.66, 39.72], [46.68, 39.66], [46.72, 39.60],
  [46.76, 39.55], [46.82, 39.50], [46.88, 39.46], [46.95, 39.43], [47.03, 39.44], [47.08, 39.47],
  [47.09, 39.53], [47.08, 39.58], [47.10, 39.63], [47.15, 39.68], [47.22, 39.72], [47.27, 39.76],
  [47.28, 39.81], [47.23, 39.86], [47.14, 39.89], [47.05, 39.90], [46.97, 39.93], [46.90, 39.97],
  [46.88, 40.03], [46.90, 40.09], [46.93, 40.15], [46.92, 40.21], [46.86, 40.26], [46.78, 40.29],
  [46.70, 40.30], [46.62, 40.29], [46.54, 40.28], [46.46, 40.27],
];
const nk = (i) => NKAO[i - 1]; // 1-based, as in GEODATA.md

// Armenia–Azerbaijan boundary positions copied from region-countries.geojson (Natural Earth),
// so the district polygons meet the country outline.
const ARM_KALBAJAR = [ // north to south
  [45.58546, 40.39808], [45.81946, 40.29677], [45.95266, 40.24948], [45.98146, 40.20558],
  [45.93106, 40.09751], [45.89506, 40.02828], [45.80506, 40.00464], [45.63946, 40.0249],
  [45.57826, 39.97087], [45.71506, 39.95061], [45.76546, 39.9219], [45.81586, 39.83916],
  [45.86266, 39.80539],
];
const TRI_KL_ARM = [45.91666, 39.78344]; // Kalbajar / Lachin / Armenia (illustrative tripoint)
const KL_EDGE = [[46.10, 39.82], [46.25, 39.85], [46.42, 39.86]]; // Kalbajar–Lachin, west to east
const ARM_LACHIN = [ // north to south
  [45.97786, 39.76824], [46.00666, 39.74798], [46.07506, 39.66861], [46.14706, 39.63822],
  [46.18306, 39.59263], [46.24066, 39.59432], [46.34506, 39.61796], [46.39546, 39.57743],
  [46.47826, 39.57912], [46.52507, 39.55548], [46.51787, 39.52509], [46.49266, 39.50989],
];

const KALBAJAR = [
  nk(7), nk(6), nk(5), nk(4), nk(3), nk(2), nk(1),
  [46.30, 40.33], [46.15, 40.36], [46.00, 40.38], [45.80, 40.40],
  ...ARM_KALBAJAR, TRI_KL_ARM, ...KL_EDGE,
];
const LACHIN = [
  nk(7), ...[...KL_EDGE].reverse(), TRI_KL_ARM, ...ARM_LACHIN,
  [46.58, 39.49], [46.68, 39.51], nk(13), nk(12), nk(11), nk(10), nk(9), nk(8),
];
// Line of contact, 10 Nov 2020 (illustrative), north-west to south-west around the remaining area.
const LOC = [
  [45.90, 40.40], [46.10, 40.37], [46.30, 40.34], [46.50, 40.31], [46.65, 40.31], [46.80, 40.28],
  [46.88, 40.24], [46.95, 40.18], [47.02, 40.12], [47.06, 40.03], [47.08, 39.95], [47.12, 39.88],
  [47.18, 39.82], [47.14, 39.74], [47.02, 39.71], [46.90, 39.72], [46.80, 39.73], [46.775, 39.765],
  [46.745, 39.778], [46.715, 39.768], [46.695, 39.745], [46.66, 39.70], [46.62, 39.64],
  [46.58, 39.58], [46.53, 39.51], [46.50, 39.48],
];
// Part of the Aghdam district held until 20 Nov 2020: between the NKAO boundary and the line of contact.
const AGHDAM = [
  nk(29), [47.05, 39.90], [47.08, 39.95], [47.06, 40.03], [47.02, 40.12], [46.95, 40.18],
  nk(33), nk(32), nk(31), nk(30),
];
// Road Stepanakert/Khankendi – Lachin/Berdzor – Goris (illustrative), passing north of Shusha.
const ROAD = [
  [46.7519, 39.8153], [46.7400, 39.8060], [46.7250, 39.7990], [46.7050, 39.7910], [46.6850, 39.7800],
  [46.6650, 39.7620], [46.6450, 39.7480], [46.6200, 39.7250], [46.6000, 39.7000], [46.5800, 39.6750],
  [46.5600, 39.6500], [46.5469, 39.6408], [46.5200, 39.6230], [46.4900, 39.6050], [46.4500, 39.5800],
  [46.4000, 39.5500], [46.3700, 39.5300], [46.3386, 39.5078],
];

// 5 km wide corridor: offset the road section from the Armenian boundary (index 14) to the edge of
// the former NKAO near Stepanakert (index 5) by 2.5 km either side, in a local flat approximation.
function buffer(pts, halfKm) {
  const lat0 = pts.reduce((s, p) => s + p[1], 0) / pts.length;
  const kx = 111.32 * Math.cos((lat0 * Math.PI) / 180), ky = 110.57;
  const xy = pts.map(([lon, lat]) => [lon * kx, lat * ky]);
  const left = [], right = [];
  for (let i = 0; i < xy.length; i++) {
    const a = xy[Math.max(0, i - 1)], b = xy[Math.min(xy.length - 1, i + 1)];
    let dx = b[0] - a[0], dy = b[1] - a[1];
    const len = Math.hypot(dx, dy); dx /= len; dy /= len;
    let scale = 1;
    if (i > 0 && i < xy.length - 1) { // mitre: keep the offset distance from both segments
      const s1 = [xy[i][0] - a[0], xy[i][1] - a[1]], l1 = Math.hypot(...s1);
      const nx1 = -s1[1] / l1, ny1 = s1[0] / l1;
      scale = 1 / Math.max(0.5, -dy * nx1 + dx * ny1);
    }
    const nx = -dy * halfKm * scale, ny = dx * halfKm * scale;
    left.push([(xy[i][0] + nx) / kx, (xy[i][1] + ny) / ky]);
    right.push([(xy[i][0] - nx) / kx, (xy[i][1] - ny) / ky]);
  }
  return [...left, ...right.reverse()].map(([x, y]) => [r5(x), r5(y)]);
}
const CORRIDOR = buffer(ROAD.slice(5, 15).reverse(), 2.5);

// Two demarcation proposals (fictional, for comparing versions): the north-western part of the
// line of contact shifted by about 2 km to the north (A) and 2 km to the south (B), varying.
const shift = (pts, dlats) => pts.map(([lon, lat], i) => [lon, r5(lat + dlats[i])]);
const BASE = [[45.90, 40.40], [46.00, 40.385], [46.10, 40.37], [46.20, 40.355], [46.30, 40.34], [46.40, 40.325], [46.50, 40.31], [46.575, 40.31], [46.65, 40.31]];
const PROP_A = shift(BASE, [0.018, 0.02, 0.025, 0.03, 0.02, 0.018, 0.015, 0.012, 0.01]);
const PROP_B = shift(BASE, [-0.012, -0.015, -0.02, -0.015, -0.018, -0.02, -0.025, -0.02, -0.015]);

// Small areas near Aghdam (illustrative): an ellipse-like octagon/decagon of given half-axes in km.
function blob(lon0, lat0, ax, ay, n) {
  const kx = 111.32 * Math.cos((lat0 * Math.PI) / 180), ky = 110.57, out = [];
  for (let i = 0; i < n; i++) {
    const t = (2 * Math.PI * i) / n, w = 1 + 0.08 * Math.sin(3 * t);
    out.push([r5(lon0 + (ax * w * Math.cos(t)) / kx), r5(lat0 + (ay * w * Math.sin(t)) / ky)]);
  }
  return out;
}
const HAZARD = blob(46.985, 40.005, 1.1, 0.8, 12); // ~ 280 ha
const CLEARED = blob(46.975, 39.965, 0.9, 0.75, 10); // ~ 210 ha

const KALBAJAR_NAMES = [N('en', 'Kalbajar'), N('ru', 'Кельбаджар'), N('az', 'Kəlbəcər', 'az-government'),
  N('en', 'Karvachar', ...AM), N('ru', 'Карвачар', ...AM), N('hy', 'Քարվաճառ', ...AM)];
const LACHIN_NAMES = [N('en', 'Lachin'), N('ru', 'Лачин'), N('az', 'Laçın', 'az-government'), N('hy', 'Լաչին'),
  N('en', 'Berdzor', ...AM), N('ru', 'Бердзор', ...AM), N('hy', 'Բերձոր', ...AM)];
const AGHDAM_NAMES = [N('en', 'Aghdam'), N('ru', 'Агдам'), N('az', 'Ağdam', 'az-government'), N('hy', 'Աղդամ'),
  N('en', 'Akna', ...AM), N('ru', 'Акна', ...AM), N('hy', 'Ակնա', ...AM)];

const F = [];
const add = (geometry, p) => F.push({ type: 'Feature', properties: {
  id: p.id, kind: p.kind, class: p.class, names: p.names, place: p.place ?? null,
  validFrom: p.validFrom ?? null, validTo: p.validTo ?? null, controlledBy: p.controlledBy ?? null,
  illustrative: p.illustrative, basis: p.basis, ...(p.note ? { note: p.note } : {}) }, geometry });

add(poly(NKAO), { id: 'zone-nkao-1988', kind: 'zone', class: 'administrative_unit', place: 'nk', illustrative: true,
  names: [N('en', 'Nagorno-Karabakh Autonomous Oblast (former boundary)'), N('ru', 'Нагорно-Карабахская автономная область (бывшая граница)'),
    N('hy', 'Լեռնային Ղարաբաղի ինքնավար մարզ (նախկին սահման)'), N('az', 'Dağlıq Qarabağ Muxtar Vilayəti (keçmiş sərhəd)')],
  basis: 'Boundary of the former Nagorno-Karabakh Autonomous Oblast as in Soviet-era administrative maps (1988); hand-drawn approximation',
  note: 'Illustrative, not authoritative. The stated neutral reference extent of "Nagorno-Karabakh" (place nk) for figures; not a statement about control.' });

const districts = [
  ['kalbajar', KALBAJAR, KALBAJAR_NAMES, 'az-district-kalbajar', '2020-11-25',
    'Kalbajar handover, widely reported on 25 November 2020 (agreed deadline 15 November, postponed by agreement)', ''],
  ['aghdam', AGHDAM, AGHDAM_NAMES, 'az-district-aghdam', '2020-11-20',
    'Aghdam handover, widely reported on 20 November 2020 (statement point 2)',
    ' Only the part of the district west of the pre-war line of contact; the eastern part was under the Government of Azerbaijan throughout.'],
  ['lachin', LACHIN, LACHIN_NAMES, 'az-district-lachin', '2020-12-01',
    'Lachin handover, widely reported on 1 December 2020 (statement point 6)',
    ' The whole district polygon, the Lachin corridor not subtracted: the corridor is the separate feature corridor-lachin.'],
];
for (const [key, ring, names, place, date, basis, extra] of districts) {
  add(poly(ring), { id: `zone-${key}-pre-handover`, kind: 'zone', class: 'area_of_control', place, names,
    validTo: date, controlledBy: 'nk-de-facto-authorities', illustrative: true,
    basis: `Administered by the de facto authorities until the handover; end date: ${basis}`,
    note: `Illustrative district polygon, not authoritative.${extra}` });
  add(poly(ring), { id: `zone-${key}-handover`, kind: 'zone', class: 'area_of_control', place, names,
    validFrom: date, controlledBy: 'az-government', illustrative: true, basis,
    note: `Illustrative district polygon, not authoritative. The agreed deadline belongs to the accords record; this is the reported actual date.${extra}` });
}

add(poly(CORRIDOR), { id: 'corridor-lachin', kind: 'zone', class: 'corridor', validFrom: '2020-11-10', illustrative: true,
  names: [N('en', 'Lachin corridor'), N('ru', 'Лачинский коридор'), N('hy', 'Լաչինի միջանցք'), N('az', 'Laçın dəhlizi')],
  basis: `${STATEMENT}, points 3 and 6 (5 km wide corridor under the control of the Russian peacekeeping contingent)`,
  note: 'Illustrative, not authoritative: a 2.5 km offset either side of the illustrative road from the Armenian boundary to the former NKAO boundary. Under the control of the peacekeepers (ru-peacekeepers); controlledBy is left null because this is not an area_of_control feature.' });
add(line(ROAD), { id: 'road-stepanakert-goris', kind: 'line', class: 'road', illustrative: true,
  names: [N('en', 'Goris – Lachin – Stepanakert road'), N('ru', 'Дорога Горис – Лачин – Степанакерт'),
    N('en', 'Goris – Berdzor – Stepanakert road', ...AM), N('hy', 'Գորիս – Բերձոր – Ստեփանակերտ ճանապարհ', ...AM),
    N('en', 'Gorus – Lachin – Khankendi road', 'az-government'), N('az', 'Gorus – Laçın – Xankəndi yolu', 'az-government')],
  basis: 'Route of the existing road through Lachin/Berdzor, as shown on public maps; hand-drawn approximation',
  note: 'Illustrative, not authoritative. Passes north of Shusha/Shushi without touching it, as statement point 6 requires of the corridor.' });

add(line(LOC), { id: 'line-of-contact-2020-11-10', kind: 'line', class: 'line_of_contact', validFrom: '2020-11-10', validTo: '2020-11-20',
  illustrative: true, names: [N('en', 'Line of contact, 10 November 2020'), N('ru', 'Линия соприкосновения на 10 ноября 2020 года')],
  basis: `${STATEMENT}, point 1 (the sides stop at the positions they hold at 00:00 Moscow time on 10 November 2020)`,
  note: 'Illustrative, not authoritative: a rough single polyline. Ends when the first district (Aghdam) was handed over and the line moved.' });
add(line(PROP_A), { id: 'line-demarcation-proposal-a', kind: 'line', class: 'demarcation_proposal', illustrative: true,
  names: [N('en', 'Demarcation proposal A (illustrative)', 'az-government'), N('ru', 'Предложение по демаркации A (условно)', 'az-government')],
  basis: 'None: fictional demo geometry for comparing two versions of a line',
  note: 'Fictional, illustrative, not authoritative. No such proposal is recorded; the usedBy attribution exists only so the app can compare two parties\' versions (Hausdorff distance about 5 km from proposal B).' });
add(line(PROP_B), { id: 'line-demarcation-proposal-b', kind: 'line', class: 'demarcation_proposal', illustrative: true,
  names: [N('en', 'Demarcation proposal B (illustrative)', 'am-government'), N('ru', 'Предложение по демаркации B (условно)', 'am-government')],
  basis: 'None: fictional demo geometry for comparing two versions of a line',
  note: 'Fictional, illustrative, not authoritative. No such proposal is recorded; see line-demarcation-proposal-a.' });

const WIKI = 'Published coordinates of the place (Wikipedia infobox, rounded)';
const settlements = [
  ['settlement-stepanakert-khankendi', 46.7519, 39.8153, 'town-khankendi-stepanakert', [
    N('en', 'Stepanakert', ...AM), N('ru', 'Степанакерт', ...AM), N('hy', 'Ստեփանակերտ', ...AM),
    N('en', 'Khankendi', 'az-government'), N('ru', 'Ханкенди', 'az-government'), N('az', 'Xankəndi', 'az-government')]],
  ['settlement-shusha-shushi', 46.7486, 39.7581, 'town-shusha-shushi', [
    N('en', 'Shushi', ...AM), N('ru', 'Шуши', ...AM), N('hy', 'Շուշի', ...AM),
    N('en', 'Shusha', 'az-government'), N('ru', 'Шуша', 'az-government'), N('az', 'Şuşa', 'az-government')]],
  ['settlement-martakert-aghdara', 46.81278, 40.21528, 'town-aghdara-martakert', [
    N('en', 'Martakert', ...AM), N('ru', 'Мартакерт', ...AM), N('hy', 'Մարտակերտ', ...AM),
    N('en', 'Aghdara', 'az-government'), N('ru', 'Агдере', 'az-government'), N('az', 'Ağdərə', 'az-government')]],
  ['settlement-lachin-berdzor', 46.54694, 39.64083, null, LACHIN_NAMES],
  ['settlement-kalbajar-karvachar', 46.03833, 40.10667, null, KALBAJAR_NAMES],
  ['settlement-aghdam', 46.93056, 39.99306, null, AGHDAM_NAMES],
  ['settlement-goris', 46.33861, 39.50778, null, [N('en', 'Goris'), N('ru', 'Горис'), N('hy', 'Գորիս'), N('az', 'Gorus', 'az-government')]],
];
for (const [id, lon, lat, place, names] of settlements) {
  add(point(lon, lat), { id, kind: 'point', class: 'settlement', place, names, illustrative: false, basis: WIKI });
}

const heritage = [
  ['heritage-dadivank', 46.28801, 40.16139, false, WIKI, [N('en', 'Dadivank'), N('ru', 'Дадиванк'), N('hy', 'Դադիվանք'),
    N('en', 'Khudavang', 'az-government'), N('az', 'Xudavəng monastırı', 'az-government')]],
  ['heritage-gandzasar', 46.53054, 40.05729, false, WIKI, [N('en', 'Gandzasar'), N('ru', 'Гандзасар'), N('hy', 'Գանձասար'),
    N('az', 'Gəncəsər monastırı', 'az-government')]],
  ['heritage-ghazanchetsots', 46.74788, 39.75882, false, WIKI, [N('en', 'Ghazanchetsots Cathedral (Holy Saviour Cathedral)'),
    N('ru', 'Собор Газанчецоц (Святого Христа Всеспасителя)'), N('hy', 'Ղազանչեցոց Սուրբ Ամենափրկիչ եկեղեցի')]],
  ['heritage-govhar-agha-mosque', 46.7526, 39.7600, false, WIKI, [N('en', 'Yukhari Govhar Agha Mosque'),
    N('ru', 'Мечеть Юхары Гевхар-ага'), N('az', 'Yuxarı Gövhər Ağa məscidi')]],
  ['heritage-amaras', 47.05694, 39.68389, false, WIKI, [N('en', 'Amaras Monastery'), N('ru', 'Монастырь Амарас'),
    N('hy', 'Ամարաս'), N('az', 'Amaras monastırı')]],
  ['heritage-aghdam-mosque', 46.933, 39.983, true, 'Published coordinates of the mosque given only to the arc-minute (about ±1 km)',
    [N('en', 'Aghdam Mosque (Juma Mosque)'), N('ru', 'Агдамская мечеть'), N('az', 'Ağdam Cümə məscidi')]],
  ['heritage-tigranakert', 46.90583, 40.06861, false, WIKI, [N('en', 'Tigranakert (archaeological site)'), N('ru', 'Тигранакерт'),
    N('hy', 'Տիգրանակերտ'), N('en', 'Tigranakert of Artsakh', ...AM), N('hy', 'Արցախի Տիգրանակերտ', ...AM)]],
];
for (const [id, lon, lat, illustrative, basis, names] of heritage) {
  add(point(lon, lat), { id, kind: 'point', class: 'heritage_site', names, illustrative, basis,
    ...(illustrative ? { note: 'Illustrative position, not authoritative.' } : {}) });
}

const posts = [
  ['post-peacekeeping-1', 46.2900, 40.1580, '2020-11-25', 'Russian Defence Ministry reports of a peacekeepers\' observation post next to Dadivank; position and start date illustrative'],
  ['post-peacekeeping-2', 46.5800, 39.6750, '2020-11-10', `${STATEMENT}, point 3 (deployment along the Lachin corridor); position illustrative`],
  ['post-peacekeeping-3', 47.0900, 39.7350, '2020-11-10', `${STATEMENT}, point 3 (deployment along the line of contact); position illustrative`],
];
posts.forEach(([id, lon, lat, from, basis], i) => add(point(lon, lat), { id, kind: 'point', class: 'post', validFrom: from, illustrative: true,
  names: [N('en', `Peacekeeping observation post ${i + 1} (illustrative)`), N('ru', `Наблюдательный пост миротворцев ${i + 1} (условно)`)],
  basis, note: 'Illustrative, not authoritative: no published post list was used.' }));
add(point(46.5200, 39.6230), { id: 'checkpoint-lachin-corridor', kind: 'point', class: 'checkpoint', validFrom: '2020-12-01', illustrative: true,
  names: [N('en', 'Lachin corridor checkpoint (illustrative)'), N('ru', 'КПП Лачинского коридора (условно)')],
  basis: 'Statement point 6 (corridor under the peacekeepers\' control) and the Lachin handover of 1 December 2020; position illustrative',
  note: 'Illustrative, not authoritative. Open/closed status over time is recorded separately.' });

add(poly(HAZARD), { id: 'hazard-aghdam-suspected-1', kind: 'hazard', class: 'suspected', validFrom: '2020-12-15', illustrative: true,
  names: [N('en', 'Suspected hazardous area near Aghdam (illustrative)'), N('ru', 'Предположительно опасный район у Агдама (условно)')],
  basis: 'None: fictional demo area; IMAS term "suspected hazardous area"',
  note: 'Illustrative, not authoritative; no specific public survey record is encoded.' });
add(poly(CLEARED), { id: 'cleared-aghdam-1', kind: 'cleared', class: 'cleared', validFrom: '2021-01-05', illustrative: true,
  names: [N('en', 'Cleared area near Aghdam (illustrative)'), N('ru', 'Очищенный район у Агдама (условно)')],
  basis: 'None: fictional demo area; for cross-checking against reported land_cleared figures (e.g. 414.6 ha reported by the Russian peacekeeping contingent about 5 January 2021)',
  note: 'Illustrative, not authoritative; not a record of any specific clearance.' });

const out = F.map((f) => f.geometry.type === 'Polygon' ? rewind(f) : f);
const text = '{"type":"FeatureCollection","features":[\n' + out.map((f) => JSON.stringify(f)).join(',\n') + '\n]}\n';
writeFileSync('demo-geography.geojson', text);
console.log('features:', out.length, 'bytes:', Buffer.byteLength(text));
