// What browsers have and GraalJS does not, for running the site's modules inside the JVM.
globalThis.TextDecoder = class TextDecoder {
  decode(bytes) {
    const out = [];
    for (let i = 0; i < bytes.length;) {
      const c = bytes[i++];
      if (c < 0x80) out.push(c);
      else if (c < 0xe0) out.push(((c & 0x1f) << 6) | (bytes[i++] & 0x3f));
      else if (c < 0xf0) out.push(((c & 0x0f) << 12) | ((bytes[i++] & 0x3f) << 6) | (bytes[i++] & 0x3f));
      else out.push(((c & 0x07) << 18) | ((bytes[i++] & 0x3f) << 12) | ((bytes[i++] & 0x3f) << 6) | (bytes[i++] & 0x3f));
    }
    let s = '';
    for (let i = 0; i < out.length; i += 4096) s += String.fromCodePoint(...out.slice(i, i + 4096));
    return s;
  }
};
