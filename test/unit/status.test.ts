import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { inspect } from 'node:util';

import { Status } from 'jack-client';

describe('Status', () => {
  it('decodes all 13 JACK status bits', () => {
    const names = ['failure', 'invalidOption', 'nameNotUnique', 'serverStarted', 'serverFailed', 'serverError',
      'noSuchClient', 'loadFailure', 'initFailure', 'shmFailure', 'versionError', 'backendError', 'clientZombie'] as const;
    names.forEach((name, bit) => {
      const status = new Status(1 << bit);
      assert.equal(status[name], true, name);
      assert.deepEqual(status.flags, [name]);
      for (const other of names) if (other !== name) assert.equal(status[other], false, `${name} sets ${other}`);
    });
    assert.deepEqual(new Status(0x21).flags, ['failure', 'serverError']);
    assert.equal(String(new Status(0x11)), 'status 0x11: failure, serverFailed');
    assert.equal(inspect(new Status(0)), 'Status(status 0x0)');
    assert.throws(() => new Status(-1), RangeError);
  });
});
