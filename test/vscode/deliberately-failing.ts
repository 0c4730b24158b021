// Loaded only with PARC_VSCODE_INCLUDE_FAILING=1: a test that fails, to check that a failing test
// makes the whole extension-host run exit non-zero.
import * as assert from 'node:assert/strict';

suite('deliberately failing (PARC_VSCODE_INCLUDE_FAILING=1)', () => {
  test('fails on purpose', () => {
    assert.equal(1 + 1, 3, 'this test fails on purpose');
  });
});
