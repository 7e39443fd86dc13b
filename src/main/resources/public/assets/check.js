/*
 * Truce: check a bulletin in the browser, trusting nothing the server computed.
 *
 * With Web Crypto only (no library): (1) fetch the bulletin for a date and ledger size; (2) verify
 * the checkpoint's C2SP signed note (Ed25519) against the verifier key, the server's or one the
 * reader obtained elsewhere, after checking the key's name and key id; (3) check that the signed
 * checkpoint's size and root are those the bulletin names; (4) for every entry a figure is based on,
 * hash the stored bytes into the leaf SHA-256(0x00 || bytes) and recompute the root from the
 * inclusion proof (RFC 9162 §2.1.3.2), which must equal the signed root.
 *
 * Every sentence shown comes from the page's own texts (data-texts, ICU patterns of the reader's
 * language with simple {name} arguments); nothing here is English. The Merkle functions are also
 * exposed as window.TruceCheck for the test against the RFC 6962 vectors.
 */
(function () {
  'use strict';

  const CONCURRENCY = 6;
  const ENTRY_RUN = 100;      // fetch entries in runs of at most this many seqs
  const LISTED_FAILURES = 50; // failed entries listed one by one; the rest are counted
  const EM_DASH_SPACE = '\u2014 ';
  const utf8 = new TextEncoder();

  // ---- bytes, hashes, RFC 6962 / RFC 9162 ------------------------------------------------------

  function concat(...parts) {
    const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const p of parts) { out.set(p, at); at += p.length; }
    return out;
  }

  function hex(bytes) {
    return Array.from(bytes, b => b.toString(16).padStart(2, '0')).join('');
  }

  function unhex(text) {
    if (!/^([0-9a-fA-F]{2})*$/.test(text)) return null;
    const out = new Uint8Array(text.length / 2);
    for (let i = 0; i < out.length; i++) out[i] = parseInt(text.substr(2 * i, 2), 16);
    return out;
  }

  function unbase64(text) {
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text) || text.length % 4 !== 0) return null;
    try {
      return Uint8Array.from(atob(text), c => c.charCodeAt(0));
    } catch (e) {
      return null;
    }
  }

  function equalBytes(a, b) {
    if (!a || !b || a.length !== b.length) return false;
    let d = 0;
    for (let i = 0; i < a.length; i++) d |= a[i] ^ b[i];
    return d === 0;
  }

  async function sha256(bytes) {
    return new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  }

  /** RFC 6962 §2.1: leaf hash SHA-256(0x00 || data). */
  function leafHash(data) {
    return sha256(concat(Uint8Array.of(0), data));
  }

  /** RFC 6962 §2.1: interior node SHA-256(0x01 || left || right). */
  function nodeHash(left, right) {
    return sha256(concat(Uint8Array.of(1), left, right));
  }

  /**
   * The root that an inclusion proof leads to (RFC 9162 §2.1.3.2), or null if the proof cannot
   * apply to leaf `index` of a tree of `size` leaves. Plain arithmetic, not bit operators, so that
   * sizes beyond 2^31 stay exact.
   */
  async function rootFromInclusionProof(index, size, leaf, path) {
    if (!(index >= 0 && index < size) || leaf.length !== 32 || path.some(p => !p || p.length !== 32)) return null;
    let fn = index;
    let sn = size - 1;
    let r = leaf;
    for (const p of path) {
      if (sn === 0) return null;
      if (fn % 2 === 1 || fn === sn) {
        r = await nodeHash(p, r);
        while (fn % 2 === 0 && fn !== 0) {
          fn = Math.floor(fn / 2);
          sn = Math.floor(sn / 2);
        }
      } else {
        r = await nodeHash(r, p);
      }
      fn = Math.floor(fn / 2);
      sn = Math.floor(sn / 2);
    }
    return sn === 0 ? r : null;
  }

  /**
   * Whether `path` proves that the tree of `first` leaves with root `firstRoot` is a prefix of the tree
   * of `second` leaves with root `secondRoot` (RFC 9162 §2.1.4.2). Plain arithmetic, as above.
   */
  async function verifyConsistency(first, second, firstRoot, secondRoot, path) {
    if (!(first >= 1 && first <= second) || path.some(p => !p || p.length !== 32)) return false;
    if (first === second) return path.length === 0 && equalBytes(firstRoot, secondRoot);
    if (path.length === 0) return false;
    let proof = path;
    if (Number.isInteger(Math.log2(first))) proof = [firstRoot].concat(path); // a power of two: its root is a node of both trees
    let fn = first - 1;
    let sn = second - 1;
    while (fn % 2 === 1) {
      fn = Math.floor(fn / 2);
      sn = Math.floor(sn / 2);
    }
    let fr = proof[0];
    let sr = proof[0];
    for (const c of proof.slice(1)) {
      if (sn === 0) return false;
      if (fn % 2 === 1 || fn === sn) {
        fr = await nodeHash(c, fr);
        sr = await nodeHash(c, sr);
        while (fn % 2 === 0 && fn !== 0) {
          fn = Math.floor(fn / 2);
          sn = Math.floor(sn / 2);
        }
      } else {
        sr = await nodeHash(sr, c);
      }
      fn = Math.floor(fn / 2);
      sn = Math.floor(sn / 2);
    }
    return sn === 0 && equalBytes(fr, firstRoot) && equalBytes(sr, secondRoot);
  }

  // ---- C2SP signed notes and verifier keys -----------------------------------------------------

  /** `<name>+<8 hex key id>+<base64(0x01 || 32-byte key)>`, or null when it is not of that form. */
  function parseVerifierKey(text) {
    const i = text.indexOf('+');
    const j = text.indexOf('+', i + 1);
    if (i <= 0 || j < 0) return null;
    const name = text.slice(0, i);
    const id = text.slice(i + 1, j);
    const typed = unbase64(text.slice(j + 1));
    if (/[\s+]/u.test(name) || !/^[0-9a-f]{8}$/.test(id) || !typed || typed.length !== 33 || typed[0] !== 1) return null;
    return { name: name, id: id, raw: typed.slice(1) };
  }

  /** C2SP signed note key id: the first 4 bytes of SHA-256(name || 0x0A || 0x01 || key). */
  async function keyId(name, raw) {
    return (await sha256(concat(utf8.encode(name), Uint8Array.of(0x0a, 0x01), raw))).slice(0, 4);
  }

  /** SHA-256 of the key line's UTF-8 text, lower-case hex in groups of four (as on the page). */
  async function fingerprint(vkey) {
    return hex(await sha256(utf8.encode(vkey))).match(/.{4}/g).join(' ');
  }

  /** Splits a signed note into its body and signature lines; null when malformed. */
  function splitNote(note) {
    const split = note.lastIndexOf('\n\n');
    if (split < 0 || !note.endsWith('\n')) return null;
    const sigs = note.slice(split + 2, -1);
    if (sigs === '') return null;
    const lines = [];
    for (const line of sigs.split('\n')) {
      const space = line.lastIndexOf(' ');
      if (!line.startsWith(EM_DASH_SPACE) || space <= EM_DASH_SPACE.length) return null;
      const blob = unbase64(line.slice(space + 1));
      if (!blob || blob.length < 5) return null;
      lines.push({ name: line.slice(EM_DASH_SPACE.length, space), blob: blob });
    }
    return { body: note.slice(0, split + 1), signatures: lines };
  }

  /** 'ok', 'bad' (a line by this key does not verify), 'missing' (no line by it) or 'malformed'. */
  async function verifyNote(note, key, cryptoKey, id) {
    const parts = splitNote(note);
    if (!parts) return 'malformed';
    let byKey = false;
    for (const s of parts.signatures) {
      if (s.name !== key.name || !equalBytes(s.blob.slice(0, 4), id)) continue;
      byKey = true;
      if (s.blob.length === 68
          && await crypto.subtle.verify({ name: 'Ed25519' }, cryptoKey, s.blob.slice(4), utf8.encode(parts.body))) {
        return 'ok';
      }
    }
    return byKey ? 'bad' : 'missing';
  }

  /**
   * A witness's verifier key, `<name>+<8 hex key id>+<base64(0x04 || 32-byte key)>` (C2SP
   * tlog-cosignature, cosignature/v1), or null.
   */
  function parseCosignerKey(text) {
    const i = text.indexOf('+');
    const j = text.indexOf('+', i + 1);
    if (i <= 0 || j < 0) return null;
    const name = text.slice(0, i);
    const typed = unbase64(text.slice(j + 1));
    if (/[\s+]/u.test(name) || !/^[0-9a-f]{8}$/.test(text.slice(i + 1, j)) || !typed || typed.length !== 33 || typed[0] !== 4) return null;
    return { name: name, id: text.slice(i + 1, j), raw: typed.slice(1) };
  }

  /**
   * The witness's cosignature of the note's checkpoint: { state: 'ok', time } when a line by its name
   * and key id verifies over "cosignature/v1\ntime <t>\n" and the body; 'bad' when such a line does
   * not verify; 'missing' when there is none; 'key' when the witness's key is malformed.
   */
  async function verifyCosignature(parts, witness) {
    const key = parseCosignerKey(witness.vkey);
    if (!key) return { state: 'key' };
    const id = (await sha256(concat(utf8.encode(key.name), Uint8Array.of(0x0a, 0x04), key.raw))).slice(0, 4);
    if (hex(id) !== key.id) return { state: 'key' };
    let cryptoKey;
    try {
      cryptoKey = await crypto.subtle.importKey('raw', key.raw, { name: 'Ed25519' }, false, ['verify']);
    } catch (e) {
      return { state: 'key' };
    }
    let seen = false;
    for (const s of parts.signatures) {
      if (s.name !== key.name || !equalBytes(s.blob.slice(0, 4), id)) continue;
      seen = true;
      if (s.blob.length !== 76) continue;
      let time = 0;
      for (let i = 4; i < 12; i++) time = time * 256 + s.blob[i];
      const message = utf8.encode('cosignature/v1\ntime ' + time + '\n' + parts.body);
      if (time > 0 && await crypto.subtle.verify({ name: 'Ed25519' }, cryptoKey, s.blob.slice(12), message)) {
        return { state: 'ok', time: time };
      }
    }
    return { state: seen ? 'bad' : 'missing' };
  }

  /** The checkpoint body (C2SP tlog-checkpoint): origin, size, base64 root; null when malformed. */
  function parseCheckpoint(body) {
    const lines = body.slice(0, -1).split('\n');
    if (lines.length !== 3 || !/^(0|[1-9][0-9]{0,15})$/.test(lines[1])) return null;
    const root = unbase64(lines[2]);
    if (!root || root.length !== 32) return null;
    return { origin: lines[0], size: Number(lines[1]), root: root };
  }

  window.TruceCheck = { leafHash: leafHash, nodeHash: nodeHash, rootFromInclusionProof: rootFromInclusionProof,
    verifyConsistency: verifyConsistency, hex: hex, unhex: unhex, keyId: keyId, fingerprint: fingerprint,
    parseVerifierKey: parseVerifierKey };

  // ---- the page ---------------------------------------------------------------------------------

  const form = document.getElementById('check-form');
  if (!form) return;
  const texts = JSON.parse(form.dataset.texts);
  const lang = form.dataset.lang;
  const numbers = new Intl.NumberFormat(lang);
  function withMonthNames(lang, options, numeric) {
    // some browsers lack month names for some locales (Chromium writes "2021 M01 5" for az): fall back to numeric dates
    var f = new Intl.DateTimeFormat(lang, options);
    return /M\d\d/.test(f.format(new Date(Date.UTC(2021, 0, 5)))) ? new Intl.DateTimeFormat(lang, numeric) : f;
  }
  const dates = withMonthNames(lang, { dateStyle: 'long', timeZone: 'UTC' },
    { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' });
  const timestamps = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'medium', timeZone: 'UTC' });
  const steps = document.getElementById('check-steps');
  const summary = document.getElementById('check-summary');

  /** Fills the {name} arguments of one of the page's texts; numbers in the reader's notation. */
  function t(key, args) {
    return texts[key].replace(/\{(\w+)\}/g, (whole, name) => {
      if (!args || !(name in args)) return whole;
      const v = args[name];
      return typeof v === 'number' ? numbers.format(v) : String(v);
    });
  }

  function step(ok, text) {
    const li = document.createElement('li');
    const label = document.createElement('span');
    const body = document.createElement('span');
    label.className = 'check-status';
    body.className = 'check-text';
    li.append(label, ' ', body);
    steps.append(li);
    const set = function (state, sentence) {
      li.className = 'check-step check-' + state;
      li.dataset.state = state;
      label.textContent = texts['status.' + state];
      body.textContent = sentence;
    };
    set(ok === null ? 'running' : ok ? 'ok' : 'failed', text);
    return set;
  }

  async function getJson(url) {
    let response;
    try {
      response = await fetch(url, { headers: { Accept: 'application/json' }, cache: 'no-store' });
    } catch (e) {
      return { status: 0 };
    }
    if (!response.ok) return { status: response.status };
    return { status: response.status, json: await response.json() };
  }

  /**
   * The ledger size to check when the reader gave none: the latest published checkpoint when this
   * node serves GET /api/v1/publications, else the current signed head. Keep this the only place
   * that decides it.
   */
  async function defaultSize(date) {
    const published = await getJson('/api/v1/publications?date=' + encodeURIComponent(date));
    if (published.json) {
      const list = Array.isArray(published.json) ? published.json
        : published.json.publications || published.json.items || [];
      // the publication shown for a date is its latest one
      const latest = list.find(p => p.date === date && p.latest);
      if (latest && Number.isInteger(latest.size)) return latest.size;
    }
    const head = await getJson('/api/v1/ledger/head');
    return head.json ? head.json.size : null;
  }

  function basedOn(bulletin) {
    const seqs = new Set();
    for (const section of bulletin.sections || []) {
      for (const line of section.lines || []) (line.basedOn || []).forEach(s => seqs.add(s));
    }
    return Array.from(seqs).sort((a, b) => a - b);
  }

  /** Runs `work` over `items` with at most CONCURRENCY at a time. */
  async function pool(items, work) {
    let next = 0;
    const worker = async function () {
      while (next < items.length) {
        const item = items[next++];
        await work(item);
      }
    };
    await Promise.all(Array.from({ length: Math.min(CONCURRENCY, items.length) }, worker));
  }

  /** Groups sorted seqs into runs that one entries request can fetch. */
  function runs(seqs) {
    const out = [];
    for (const s of seqs) {
      const last = out[out.length - 1];
      if (last && s - last.from < ENTRY_RUN) last.seqs.push(s);
      else out.push({ from: s, seqs: [s] });
    }
    return out;
  }

  /** Leaf hashes of `seqs` from the stored bytes: seq -> hash, or seq -> failure sentence. */
  async function leaves(seqs) {
    const hashes = new Map();
    await pool(runs(seqs), async function (run) {
      const limit = run.seqs[run.seqs.length - 1] - run.from + 1;
      const answer = await getJson('/api/v1/ledger/entries?from=' + run.from + '&limit=' + limit);
      const bySeq = new Map((answer.json ? answer.json.entries : []).map(e => [e.seq, e]));
      for (const seq of run.seqs) {
        const e = bySeq.get(seq);
        const bytes = e && typeof e.bytes === 'string' ? unbase64(e.bytes) : null;
        if (!answer.json) hashes.set(seq, t('entry.status', { seq: seq, status: answer.status }));
        else if (!bytes) hashes.set(seq, t('entry.missing', { seq: seq }));
        else if (storedSeq(bytes) !== seq) hashes.set(seq, t('entry.seq', { seq: seq, got: storedSeq(bytes) }));
        else hashes.set(seq, await leafHash(bytes));
      }
    });
    return hashes;
  }

  /** The seq written inside the stored entry, so a server cannot answer one seq with another's bytes. */
  function storedSeq(bytes) {
    try {
      return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)).seq;
    } catch (e) {
      return null;
    }
  }

  async function checkEntries(seqs, checkpoint) {
    const total = seqs.length;
    const progress = step(null, t('entries.progress', { done: 0, total: total }));
    const hashes = await leaves(seqs);
    const failures = [];
    let done = 0;
    await pool(seqs, async function (seq) {
      const leaf = hashes.get(seq);
      if (typeof leaf === 'string') {
        failures.push([seq, leaf]);
      } else if (seq >= checkpoint.size) {
        failures.push([seq, t('entry.outside', { seq: seq, size: checkpoint.size })]);
      } else {
        const proof = await getJson('/api/v1/ledger/proof?seq=' + seq + '&size=' + checkpoint.size);
        const path = proof.json ? proof.json.path.map(unhex) : null;
        const root = path ? await rootFromInclusionProof(seq, checkpoint.size, leaf, path) : null;
        if (!proof.json) failures.push([seq, t('entry.status', { seq: seq, status: proof.status })]);
        else if (!equalBytes(root, checkpoint.root)) failures.push([seq, t('entry.proof', { seq: seq })]);
      }
      done++;
      if (done % 10 === 0 || done === total) progress('running', t('entries.progress', { done: done, total: total }));
    });
    failures.sort((a, b) => a[0] - b[0]);
    const ok = failures.length === 0;
    progress(ok ? 'ok' : 'failed', ok ? t('entries.ok', { total: total })
      : t('entries.failed', { total: total, failed: failures.length }));
    failures.slice(0, LISTED_FAILURES).forEach(f => step(false, f[1]));
    return ok;
  }

  /** Steps 2 and 3: the key, then the signature over the checkpoint; the parsed checkpoint or null. */
  async function checkSignature(note, vkey) {
    const key = parseVerifierKey(vkey);
    if (!key) {
      step(false, t('key.malformed'));
      return null;
    }
    const id = await keyId(key.name, key.raw);
    if (hex(id) !== key.id) {
      step(false, t('key.idMismatch', { given: key.id, computed: hex(id) }));
      return null;
    }
    step(true, t('key.ok', { name: key.name, id: key.id }));
    let cryptoKey;
    try {
      cryptoKey = await crypto.subtle.importKey('raw', key.raw, { name: 'Ed25519' }, false, ['verify']);
    } catch (e) {
      document.getElementById('check-unsupported').hidden = false;
      step(false, t('key.malformed'));
      return null;
    }
    const verdict = await verifyNote(note, key, cryptoKey, id);
    step(verdict === 'ok', t('signature.' + verdict, { name: key.name, id: key.id }));
    const parts = splitNote(note);
    const checkpoint = parts ? parseCheckpoint(parts.body) : null;
    if (checkpoint) checkpoint.keyName = key.name;
    else if (verdict !== 'malformed') step(false, t('signature.malformed'));
    return { signed: verdict === 'ok', checkpoint: checkpoint };
  }

  /** Step 4: the signed checkpoint against the bulletin (and the size and root the reader holds). */
  function checkCheckpoint(checkpoint, named, requestedSize, expectedRoot) {
    let ok = true;
    const fail = function (text) { ok = false; step(false, text); };
    if (checkpoint.origin !== checkpoint.keyName) fail(t('checkpoint.origin', { origin: checkpoint.origin, name: checkpoint.keyName }));
    if (requestedSize !== null && named.size !== requestedSize) fail(t('checkpoint.requested', { named: named.size, requested: requestedSize }));
    if (checkpoint.size !== named.size) fail(t('checkpoint.size', { signed: checkpoint.size, named: named.size }));
    if (hex(checkpoint.root) !== named.root) fail(t('checkpoint.root', { signed: hex(checkpoint.root), named: named.root }));
    if (ok) step(true, t('checkpoint.ok', { size: checkpoint.size, root: hex(checkpoint.root) }));
    if (expectedRoot !== '') {
      if (!/^[0-9a-f]{64}$/.test(expectedRoot)) fail(t('expected.malformed'));
      else if (expectedRoot !== hex(checkpoint.root)) fail(t('expected.mismatch', { signed: hex(checkpoint.root), expected: expectedRoot }));
      else step(true, t('expected.ok'));
    }
    return ok;
  }

  async function getText(url) {
    let response;
    try {
      response = await fetch(url, { cache: 'no-store' });
    } catch (e) {
      return { status: 0 };
    }
    return response.ok ? { status: response.status, text: await response.text() } : { status: response.status };
  }

  /** The witnesses the reader relies on: the keys in the form (one per line), else those the site names. */
  function witnessesOf(field, fallback) {
    const lines = field.value.split('\n').map(l => l.trim()).filter(l => l !== '');
    return lines.length > 0 ? lines.map(l => ({ vkey: l })) : fallback;
  }

  /**
   * Step 5: k of n witnesses cosigned a checkpoint of the operator's, and the bulletin's checkpoint is
   * a prefix of it (a consistency proof). Returns false when any part fails.
   */
  async function checkWitnesses(checkpoint, vkey, witnesses, quorum) {
    if (witnesses.length === 0 && quorum === 0) {
      step(true, t('witnesses.none'));
      return true;
    }
    const answer = await getText('/api/v1/ledger/checkpoint');
    if (!answer.text) {
      step(false, answer.status === 0 ? t('network') : t('witnessed.status', { status: answer.status }));
      return false;
    }
    const key = parseVerifierKey(vkey);
    const cryptoKey = await crypto.subtle.importKey('raw', key.raw, { name: 'Ed25519' }, false, ['verify']);
    const parts = splitNote(answer.text);
    const witnessed = parts ? parseCheckpoint(parts.body) : null;
    if (!witnessed || witnessed.origin !== key.name
        || await verifyNote(answer.text, key, cryptoKey, await keyId(key.name, key.raw)) !== 'ok') {
      step(false, t('witnessed.signature'));
      return false;
    }
    let ok = true;
    let count = 0;
    for (const witness of witnesses) {
      const verdict = await verifyCosignature(parts, witness);
      const name = parseCosignerKey(witness.vkey) ? parseCosignerKey(witness.vkey).name : witness.vkey;
      if (verdict.state === 'ok') {
        count++;
        step(true, t('witness.ok', { name: witness.label || name, size: witnessed.size,
          time: timestamps.format(new Date(verdict.time * 1000)) }));
      } else if (verdict.state === 'key') {
        step(false, t('witness.key', { key: witness.vkey }));
      } else {
        step(false, t('witness.' + verdict.state, { name: witness.label || name, size: witnessed.size }));
      }
    }
    if (count >= quorum) step(true, t('quorum.ok', { count: count, total: witnesses.length, quorum: quorum }));
    else {
      ok = false;
      step(false, t('quorum.failed', { count: count, total: witnesses.length, quorum: quorum }));
    }
    if (witnessed.size < checkpoint.size) {
      step(false, t('witnessed.behind', { size: checkpoint.size, witnessed: witnessed.size }));
      return false;
    }
    const proof = await getJson('/api/v1/ledger/consistency?from=' + checkpoint.size + '&to=' + witnessed.size);
    const path = proof.json && Array.isArray(proof.json.path) ? proof.json.path.map(unhex) : null;
    const consistent = witnessed.size === checkpoint.size ? equalBytes(witnessed.root, checkpoint.root)
      : path !== null && await verifyConsistency(checkpoint.size, witnessed.size, checkpoint.root, witnessed.root, path);
    step(consistent, t(consistent ? 'consistency.ok' : 'consistency.failed', { size: checkpoint.size, witnessed: witnessed.size }));
    return ok && consistent;
  }

  async function run() {
    steps.replaceChildren();
    summary.textContent = '';
    summary.className = 'check-summary';
    document.getElementById('check-results').hidden = false;
    const date = form.elements.date.value;
    const pasted = form.elements.key.value.trim();
    const vkey = pasted || form.dataset.serverKey;
    const requestedSize = form.elements.size.value === '' ? null : Number(form.elements.size.value);
    const expectedRoot = form.elements.root.value.trim().toLowerCase();
    let failed = 0;
    const finish = async function (entries) {
      const usable = parseVerifierKey(vkey) !== null;
      const fp = usable ? await fingerprint(vkey) : '';
      summary.className = 'check-summary ' + (failed === 0 ? 'check-ok' : 'check-failed');
      summary.dataset.state = failed === 0 ? 'ok' : 'failed';
      summary.textContent = failed === 0 ? t('summary.ok', { count: entries, fingerprint: fp })
        : usable ? t('summary.failed', { failed: failed, fingerprint: fp }) : t('summary.noKey', { failed: failed });
    };
    if (!date) {
      step(false, t('noDate'));
      failed++;
      return finish(0);
    }
    const size = requestedSize !== null ? requestedSize : await defaultSize(date);
    const query = '?lang=' + encodeURIComponent(form.dataset.bulletinLang) + (size ? '&atSize=' + size : '');
    const answer = await getJson('/api/v1/bulletins/' + encodeURIComponent(date) + query);
    const shownDate = /^\d{4}-\d{2}-\d{2}$/.test(date) ? dates.format(new Date(date + 'T00:00:00Z')) : date;
    if (!answer.json) {
      step(false, answer.status === 0 ? t('network') : t('bulletin.failed', { date: shownDate, status: answer.status }));
      failed++;
      return finish(0);
    }
    const bulletin = answer.json;
    step(true, t('bulletin.ok', { date: shownDate, size: bulletin.checkpoint.size }));
    step(true, t(pasted ? 'key.pasted' : 'key.server'));
    const signature = await checkSignature(bulletin.checkpoint.signedNote, vkey);
    if (!signature) {
      failed++;
      return finish(0);
    }
    if (!signature.signed) failed++;
    if (!signature.checkpoint) {
      if (signature.signed) failed++;
      return finish(0);
    }
    if (!checkCheckpoint(signature.checkpoint, bulletin.checkpoint, requestedSize, expectedRoot)) failed++;
    const seqs = basedOn(bulletin);
    if (!await checkEntries(seqs, signature.checkpoint)) failed++;
    const witnesses = witnessesOf(form.elements.witnesses, JSON.parse(form.dataset.witnesses || '[]'));
    const quorum = form.elements.quorum.value === '' ? Number(form.dataset.quorum || 0) : Number(form.elements.quorum.value);
    if (!await checkWitnesses(signature.checkpoint, vkey, witnesses, quorum)) failed++;
    return finish(seqs.length);
  }

  function shareableUrl() {
    const params = new URLSearchParams();
    for (const name of ['date', 'size', 'root', 'key', 'witnesses', 'quorum']) {
      const v = form.elements[name].value.trim();
      if (v) params.set(name, v);
    }
    history.replaceState(null, '', '/check?' + params.toString());
  }

  if (!window.isSecureContext || !window.crypto || !window.crypto.subtle) {
    document.getElementById('check-insecure').hidden = false;
    return;
  }
  form.hidden = false;
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    shareableUrl();
    form.dataset.state = 'running';
    run().finally(() => { form.dataset.state = 'done'; });
  });
  if (form.elements.date.value) {
    form.dataset.state = 'running';
    run().finally(() => { form.dataset.state = 'done'; });
  }
}());
