// What the language server process is started with beyond the editor's own environment.
//
// On Linux, glibc's `malloc.hugetlb` tunable: the server's large buffers (a 30 MB message body,
// the text the worker reads from it, the server's own copy) are then backed by transparent huge
// pages where the kernel allows them (`madvise` mode, the usual default), instead of being
// touched into memory 4 KB at a time. On a 2-core VM, touching 30 MB of fresh memory that way
// took about 0.1 s each time; with huge pages a few milliseconds. A runtime whose allocator is
// not glibc's (Electron's own, musl) ignores it; a setting the user made is kept.
const HUGE_PAGES = 'glibc.malloc.hugetlb=1';

export function serverEnvironment(env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform): NodeJS.ProcessEnv {
  if (platform !== 'linux') return {};
  const tunables = env.GLIBC_TUNABLES ?? '';
  if (/(^|:)glibc\.malloc\.hugetlb=/.test(tunables)) return {};
  return { GLIBC_TUNABLES: tunables ? `${tunables}:${HUGE_PAGES}` : HUGE_PAGES };
}
