import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { clearedSessionCookie, readCookie, sessionCookie, SESSION_COOKIE } from './cookies.ts';

describe('session cookie', () => {
  it('reads the named cookie among others and only the first occurrence', () => {
    assert.equal(readCookie(`a=1; ${SESSION_COOKIE}=abc%2Dd; ${SESSION_COOKIE}=other`, SESSION_COOKIE), 'abc-d');
    assert.equal(readCookie('a=1; b=2', SESSION_COOKIE), undefined);
    assert.equal(readCookie(undefined, SESSION_COOKIE), undefined);
    assert.equal(readCookie(`${SESSION_COOKIE}=%E0%A4%A`, SESSION_COOKIE), undefined);
  });

  it('is HttpOnly, SameSite=Lax, Path=/ and Secure only under TLS', () => {
    const plain = sessionCookie('tok', 61_000, 0, { secure: false });
    assert.equal(plain, `${SESSION_COOKIE}=tok; Max-Age=61; HttpOnly; SameSite=Lax; Path=/`);
    assert.match(sessionCookie('tok', 1000, 0, { secure: true }), /; Secure$/);
    assert.match(clearedSessionCookie({ secure: false }), /^sightline_session=; Max-Age=0; HttpOnly/);
  });
});
