import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { candidateIndexes, ENT_CLASS, meaningful, pickChassis, type EntityRow } from '../../../../src/core/poll/modules/inventory/entity';
import { ciscoChassis } from '../../../../src/core/poll/modules/inventory/cisco';
import { setEntityRows } from '../../../../src/core/poll/modules/inventory/entity';
import type { DevicePoll } from '../../../../src/core/poll/types';

const poll = (): DevicePoll => ({ host: 'h', port: 161, status: 'up', polledAt: '', durationMs: 0, interfaces: [], storage: [], processors: [] });

describe('ENTITY-MIB chassis selection', () => {
  it('reads rows 1/1000/1001, the first chassis and the first stack, nothing else', () => {
    const classes = new Map<number, number>([[2, ENT_CLASS.container], [10, ENT_CLASS.stack], [22, ENT_CLASS.module], [149, ENT_CLASS.chassis], [150, ENT_CLASS.chassis], [300, ENT_CLASS.sensor]]);
    assert.deepEqual(candidateIndexes(classes), [149, 10]);
    const cisco = new Map<number, number>([[1, ENT_CLASS.stack], [1000, ENT_CLASS.chassis], [1001, ENT_CLASS.module], [2000, ENT_CLASS.chassis]]);
    assert.deepEqual(candidateIndexes(cisco), [1, 1000, 1001]);
  });

  it('prefers a top-level chassis, then any chassis, then a stack, then row 1', () => {
    const rows: EntityRow[] = [
      { index: 1, class: ENT_CLASS.stack, containedIn: 0, name: 'Stack' },
      { index: 1000, class: ENT_CLASS.chassis, containedIn: 1, model: 'WS-C2960X-48FPD-L', serial: 'FOC1234X0AB' },
    ];
    assert.equal(pickChassis(rows)?.index, 1000);
    assert.equal(pickChassis([...rows, { index: 5, class: ENT_CLASS.chassis, containedIn: 0, model: 'TOP' }])?.index, 5);
    assert.equal(pickChassis([{ index: 1, class: ENT_CLASS.module }])?.index, 1);
    assert.equal(pickChassis([]), undefined);
  });

  it('Cisco: row 1 when it is the top, a stack member when row 1 is a virtual switch system', () => {
    const a = poll();
    setEntityRows(a, [{ index: 1, class: ENT_CLASS.chassis, containedIn: 0, model: 'ISR4331/K9', serial: 'FDO2213A0BC' }]);
    assert.equal(ciscoChassis(a).hardware, 'ISR4331/K9');
    const b = poll();
    setEntityRows(b, [
      { index: 1, class: ENT_CLASS.stack, containedIn: 0, name: 'Switch System' },
      { index: 1000, class: ENT_CLASS.chassis, containedIn: 1, model: 'C9300-48P', serial: 'FOC2345Z0CD' },
    ]);
    assert.deepEqual([ciscoChassis(b).hardware, ciscoChassis(b).row?.serial], ['C9300-48P', 'FOC2345Z0CD']);
    const c = poll();
    setEntityRows(c, [{ index: 1, class: ENT_CLASS.stack, containedIn: 0, name: 'c93xx Stack' }]);
    assert.equal(ciscoChassis(c).hardware, 'c93xx Stack', 'the name when no model is given');
  });

  it('treats placeholders as empty', () => {
    for (const s of ['', '  ', 'N/A', 'To be filled by O.E.M.', 'unknown']) assert.equal(meaningful(s), undefined, s);
    assert.equal(meaningful(' PA-3220  '), 'PA-3220');
  });
});
