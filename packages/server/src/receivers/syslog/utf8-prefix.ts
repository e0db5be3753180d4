/**
 * `bytes` without a UTF-8 sequence cut off at its end, so a message truncated at a byte limit does
 * not end in a broken character.
 */
export function wholeUtf8Prefix(bytes: Buffer): Buffer {
  // Look back over at most three continuation bytes for the lead byte of the last sequence.
  for (let back = 1; back <= Math.min(4, bytes.length); back += 1) {
    const byte = bytes[bytes.length - back] ?? 0;
    if ((byte & 0xc0) === 0x80) continue;
    const needed = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return needed > back ? bytes.subarray(0, bytes.length - back) : bytes;
  }
  return bytes;
}
