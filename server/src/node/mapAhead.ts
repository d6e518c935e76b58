// A large body's shared memory made resident ahead of the reader that fills it. The first write
// to each page of a fresh 30 MB buffer costs a page fault: on the server's thread, between two
// chunks, that slows the whole transfer (the client waits for the pipe to drain). The worker
// is idle while the body arrives, so it takes those faults first.
//
// A page is touched with compareExchange(0 → 0) on its first word: that never changes a value
// the reader already wrote (JSON text has no NUL bytes, and a word still zero stays zero), and
// only pages well ahead of the reader's position are touched at all.

const PAGE = 4096;
/** Pages closer than this to the reader's position are left to it. */
const MARGIN = 256 * 1024;
/** Pages touched between two yields, so the worker answers messages meanwhile. */
const PAGES_PER_TURN = 512;

/** Touches each page of `bytes` from well ahead of `filled[0]` to the end. */
export async function mapAhead(bytes: SharedArrayBuffer, filled: Int32Array): Promise<void> {
  const words = new Int32Array(bytes, 0, bytes.byteLength >> 2);
  let page = 0;
  while (page < bytes.byteLength) {
    for (let k = 0; k < PAGES_PER_TURN && page < bytes.byteLength; k++, page += PAGE) {
      if (page < Atomics.load(filled, 0) + MARGIN) {
        page = Math.max(page, Math.ceil((Atomics.load(filled, 0) + MARGIN) / PAGE) * PAGE - PAGE);
        continue;
      }
      if ((page >> 2) < words.length) Atomics.compareExchange(words, page >> 2, 0, 0);
    }
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}
