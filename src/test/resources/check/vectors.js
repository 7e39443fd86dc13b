// Runs check.js's Merkle functions (window.TruceCheck) against the shared RFC 6962 vectors and
// writes one line into #verdict for CheckPageBrowserTest; any disagreement is named there.
(async function () {
  'use strict';
  const C = window.TruceCheck;
  const utf8 = new TextEncoder();
  const out = document.getElementById('verdict');
  const problems = [];

  async function mth(leaves) {
    if (leaves.length === 1) return leaves[0];
    let k = 1;
    while (k * 2 < leaves.length) k *= 2;
    return C.nodeHash(await mth(leaves.slice(0, k)), await mth(leaves.slice(k)));
  }

  try {
    const v = await (await fetch('/rfc6962.json')).json();
    const leaves = [];
    for (let i = 0; i < v.leafHashes.length; i++) {
      const h = await C.leafHash(utf8.encode('leaf-' + i));
      leaves.push(h);
      if (C.hex(h) !== v.leafHashes[i]) problems.push('leaf ' + i);
    }
    for (const [size, root] of Object.entries(v.roots)) {
      if (C.hex(await mth(leaves.slice(0, Number(size)))) !== root) problems.push('root ' + size);
    }
    let included = 0;
    let rejected = 0;
    for (const p of v.inclusion) {
      const path = p.path.map(C.unhex);
      const root = await C.rootFromInclusionProof(p.index, p.treeSize, leaves[p.index], path);
      if (root && C.hex(root) === v.roots[String(p.treeSize)]) included++;
      else problems.push('inclusion ' + p.index + '/' + p.treeSize);
      const tampered = path.length > 0 ? [Uint8Array.from(path[0], (b, i) => (i === 0 ? b ^ 1 : b))].concat(path.slice(1)) : path;
      const leaf = path.length > 0 ? leaves[p.index] : await C.leafHash(utf8.encode('not leaf-' + p.index));
      const wrong = await C.rootFromInclusionProof(p.index, p.treeSize, leaf, tampered);
      if (!wrong || C.hex(wrong) !== v.roots[String(p.treeSize)]) rejected++;
      else problems.push('tampered inclusion ' + p.index + '/' + p.treeSize + ' accepted');
    }
    let consistent = 0;
    let inconsistent = 0;
    for (const p of v.consistency) {
      const path = p.path.map(C.unhex);
      const first = C.unhex(v.roots[String(p.first)]);
      const second = C.unhex(v.roots[String(p.second)]);
      if (await C.verifyConsistency(p.first, p.second, first, second, path)) consistent++;
      else problems.push('consistency ' + p.first + '/' + p.second);
      const tampered = path.length > 0 ? [Uint8Array.from(path[0], (b, i) => (i === 0 ? b ^ 1 : b))].concat(path.slice(1)) : path;
      const otherFirst = Uint8Array.from(first, (b, i) => (i === 0 ? b ^ 1 : b));
      if (!await C.verifyConsistency(p.first, p.second, first, second, tampered)
          && !await C.verifyConsistency(p.first, p.second, otherFirst, second, path)) inconsistent++;
      else problems.push('tampered consistency ' + p.first + '/' + p.second + ' accepted');
    }
    const ct = await Promise.all(v.ctVector.leavesHex.map(h => C.leafHash(C.unhex(h))));
    const ctOk = C.hex(await mth(ct)) === v.ctVector.root;
    out.textContent = problems.length > 0 ? 'disagreements: ' + problems.join(', ')
      : 'leaves ' + leaves.length + ' ok, roots ok, inclusion proofs ' + included + ' ok, tampered proofs '
        + rejected + ' rejected, consistency proofs ' + consistent + ' ok, tampered ' + inconsistent
        + ' rejected, ct root ' + (ctOk ? 'ok' : 'WRONG');
  } catch (e) {
    out.textContent = 'error: ' + e;
  }
  out.dataset.done = 'true';
}());
