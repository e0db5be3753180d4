import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isAppError } from '../../errors.ts';
import { evaluateFormula, formulaRefs, parseFormula } from './formula.ts';

const values: Record<string, number> = { hit: 90, read: 10, a: 6, b: 3, zero: 0 };
const evaluate = (text: string, lookup: Record<string, number> = values) => evaluateFormula(parseFormula(text), (id) => lookup[id]);

function rejects(text: string, message: RegExp): void {
  assert.throws(
    () => parseFormula(text),
    (error: unknown) => isAppError(error) && error.code === 'QUERY_INVALID' && message.test(error.message),
    text,
  );
}

describe('panel formulas', () => {
  it('computes with precedence, left associativity and parentheses', () => {
    assert.equal(evaluate('hit / (hit + read)'), 0.9);
    assert.equal(evaluate('100 * hit / (hit + read)'), 90);
    assert.equal(evaluate('a - b - 1'), 2);
    assert.equal(evaluate('a / b / 2'), 1);
    assert.equal(evaluate('1 + a * b'), 19);
    assert.equal(evaluate('(1 + a) * b'), 21);
    assert.equal(evaluate('2.5e1 + .5'), 25.5);
  });

  it('takes unary minus, also nested and after an operator', () => {
    assert.equal(evaluate('-a'), -6);
    assert.equal(evaluate('--a'), 6);
    assert.equal(evaluate('a * -b'), -18);
    assert.equal(evaluate('-(a + b) * 2'), -18);
  });

  it('has no value on division by zero or when a query has no value at the step', () => {
    assert.equal(evaluate('a / zero'), undefined);
    assert.equal(evaluate('a / (b - 3)'), undefined);
    assert.equal(evaluate('0 / zero'), undefined);
    assert.equal(evaluate('a + missing'), undefined);
    assert.equal(evaluate('missing * 0'), undefined);
  });

  it('lists the query ids it reads, once each', () => {
    assert.deepEqual(formulaRefs(parseFormula('100 * hit / (hit + read)')), ['hit', 'read']);
    assert.deepEqual(formulaRefs(parseFormula('3')), []);
  });

  it('rejects anything that is not arithmetic over ids, naming the problem', () => {
    rejects('', /is empty/);
    rejects('   ', /is empty/);
    rejects('a +', /ends early/);
    rejects('(a + b', /not closed/);
    rejects('a + b)', /unexpected "\)"/);
    rejects('a b', /unexpected name b/);
    rejects('a ** b', /unexpected "\*"/);
    rejects('Math.max(a)', /unexpected character "M"/);
    rejects('a; process.exit()', /unexpected character ";"/);
    rejects('a % b', /unexpected character "%"/);
    rejects(`${'('.repeat(100)}a${')'.repeat(100)}`, /nested too deeply/);
    rejects(`${'-'.repeat(100)}a`, /nested too deeply/);
  });
});
