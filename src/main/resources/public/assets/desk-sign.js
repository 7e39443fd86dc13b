// Signs a desk form in the body's own name, in the browser, with Web Crypto (Ed25519). The node named
// the exact bytes to sign (data-message, base64: the RFC 8785 canonical entry without the server's
// fields, see docs/verification.md) and the body's key id. The private key is read from a file the
// user picks (PKCS#8 PEM, or a JWK); the file input has no name, so the key never leaves the browser:
// only the 64-byte signature is put in the form and sent.
(function () {
  'use strict';
  var box = document.getElementById('signing');
  if (!box) return;
  var form = box.closest('form');
  var status = document.getElementById('sign-status');

  function bytes(base64) {
    var raw = atob(base64);
    var out = new Uint8Array(raw.length);
    for (var i = 0; i < raw.length; i++) out[i] = raw.charCodeAt(i);
    return out;
  }

  function base64(buffer) {
    var view = new Uint8Array(buffer);
    var s = '';
    for (var i = 0; i < view.length; i++) s += String.fromCharCode(view[i]);
    return btoa(s);
  }

  function privateKey(text) {
    var trimmed = text.trim();
    if (trimmed.charAt(0) === '{') {
      return crypto.subtle.importKey('jwk', JSON.parse(trimmed), { name: 'Ed25519' }, false, ['sign']);
    }
    var der = trimmed.replace(/-----[^-]+-----/g, '').replace(/\s+/g, '');
    return crypto.subtle.importKey('pkcs8', bytes(der), { name: 'Ed25519' }, false, ['sign']);
  }

  document.getElementById('sign-submit').addEventListener('click', function () {
    var file = document.getElementById('f-signature-keyId').files[0];
    if (!file) { status.textContent = box.dataset.noFile; return; }
    if (!window.isSecureContext || !window.crypto || !crypto.subtle) { status.textContent = box.dataset.noCrypto; return; }
    file.text()
      .then(privateKey)
      .then(function (key) { return crypto.subtle.sign({ name: 'Ed25519' }, key, bytes(box.dataset.message)); })
      .then(function (signature) {
        form.querySelector('[name="signature.keyId"]').value = box.dataset.keyId;
        form.querySelector('[name="signature.signature"]').value = base64(signature);
        form.submit();
      })
      .catch(function () { status.textContent = box.dataset.failed; });
  });
})();
