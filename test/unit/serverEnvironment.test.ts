// What the extension adds to the language server's environment: glibc's huge-page tunable on
// Linux, added to tunables already set, never overriding the user's own choice of it.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { serverEnvironment } from '../../client/src/serverEnvironment';

describe('the language server environment', () => {
  it('asks glibc for transparent huge pages on Linux', () => {
    assert.deepEqual(serverEnvironment({}, 'linux'), { GLIBC_TUNABLES: 'glibc.malloc.hugetlb=1' });
  });

  it('keeps other tunables, and the user’s own huge-page setting', () => {
    assert.deepEqual(serverEnvironment({ GLIBC_TUNABLES: 'glibc.malloc.arena_max=2' }, 'linux'), { GLIBC_TUNABLES: 'glibc.malloc.arena_max=2:glibc.malloc.hugetlb=1' });
    assert.deepEqual(serverEnvironment({ GLIBC_TUNABLES: 'glibc.malloc.hugetlb=0' }, 'linux'), {});
    assert.deepEqual(serverEnvironment({ GLIBC_TUNABLES: 'glibc.malloc.arena_max=2:glibc.malloc.hugetlb=2' }, 'linux'), {});
  });

  it('adds nothing elsewhere', () => {
    for (const platform of ['darwin', 'win32'] as const) assert.deepEqual(serverEnvironment({}, platform), {});
  });
});
