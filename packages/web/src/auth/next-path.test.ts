import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isAuthPage, loginPathFor, safeNextPath, setupPathFor } from './next-path.ts';

describe('safeNextPath', () => {
  it('keeps paths inside the app with their query', () => {
    assert.equal(safeNextPath('/traces'), '/traces');
    assert.equal(safeNextPath('/logs?range=1h&q=a%20b'), '/logs?range=1h&q=a%20b');
    assert.equal(safeNextPath('/services/a%2Fb'), '/services/a%2Fb');
  });

  it('refuses anything that could leave the app', () => {
    for (const raw of ['https://evil.example/', '//evil.example/x', '/\\evil.example', 'traces', 'javascript:alert(1)', '/a\nb', '', null, undefined]) {
      assert.equal(safeNextPath(raw), '/', String(raw));
    }
  });

  it('does not go back to a sign-in page', () => {
    assert.equal(safeNextPath('/login'), '/');
    assert.equal(safeNextPath('/login/?next=/x'), '/');
    assert.equal(safeNextPath('/setup'), '/');
  });
});

describe('loginPathFor and setupPathFor', () => {
  it('keeps the current page as next', () => {
    assert.equal(loginPathFor('/logs?range=1h'), '/login?next=%2Flogs%3Frange%3D1h');
    assert.equal(setupPathFor('/traces'), '/setup?next=%2Ftraces');
    const next = new URLSearchParams(loginPathFor('/logs?range=1h&x=1').split('?')[1]).get('next');
    assert.equal(next, '/logs?range=1h&x=1');
  });

  it('leaves next out for the root and the sign-in pages', () => {
    assert.equal(loginPathFor('/'), '/login');
    assert.equal(loginPathFor('/login?next=/x'), '/login');
    assert.equal(setupPathFor('/setup'), '/setup');
  });

  it('tells the sign-in pages apart', () => {
    assert.equal(isAuthPage('/login'), true);
    assert.equal(isAuthPage('/setup/?x=1'), true);
    assert.equal(isAuthPage('/logs'), false);
    assert.equal(isAuthPage('/login-help'), false);
  });
});
