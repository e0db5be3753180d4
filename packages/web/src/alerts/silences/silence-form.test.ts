import type { SilenceDefinition } from '@sightline/contract';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  definitionFromForm,
  emptySilenceForm,
  expiredNow,
  formFromDefinition,
  normalizeClock,
  problemsAfterEdit,
  silenceFieldOfPath,
  type SilenceFormInput,
} from './silence-form.ts';

const NOW = Date.UTC(2025, 10, 25, 10, 17); // Tue 2025-11-25 10:17 UTC
const BERLIN = { nowMs: NOW, viewerZone: 'Europe/Berlin' };
const form = (overrides: Partial<SilenceFormInput>): SilenceFormInput => ({ ...emptySilenceForm(BERLIN), ...overrides });

describe('emptySilenceForm', () => {
  it('starts as a one-off silence from now for 2 h, recurring fields in the viewer’s zone', () => {
    const empty = emptySilenceForm(BERLIN, { ruleId: 'r1' });
    assert.equal(empty.ruleId, 'r1');
    assert.equal(empty.kind, 'once');
    assert.equal(empty.startMode, 'now');
    assert.equal(empty.duration, '2h');
    assert.equal(empty.timezone, 'Europe/Berlin');
    assert.equal(empty.startAt, '2025-11-25T12:00', 'the next full hour, Berlin time');
  });
});

describe('definitionFromForm', () => {
  it('maps matcher rows and their operators, dropping blank rows', () => {
    const result = definitionFromForm(
      form({
        matchers: [
          { label: ' service.name ', op: '=', value: 'checkout' },
          { label: 'env', op: '!=', value: 'dev' },
          { label: 'host', op: '=~', value: 'web-.*' },
          { label: 'team', op: '!~', value: 'qa|test' },
          { label: '', op: '=', value: '' },
        ],
        comment: ' deploy ',
        createdBy: 'ana',
      }),
      BERLIN,
    );
    assert.deepEqual(result, {
      ok: true,
      definition: {
        comment: 'deploy',
        createdBy: 'ana',
        matchers: [
          { label: 'service.name', op: 'equals', value: 'checkout' },
          { label: 'env', op: 'not_equals', value: 'dev' },
          { label: 'host', op: 'regex', value: 'web-.*' },
          { label: 'team', op: 'not_regex', value: 'qa|test' },
        ],
        schedule: { kind: 'once', startsAtMs: NOW, endsAtMs: NOW + 2 * 3_600_000 },
      },
    });
  });

  it('builds one-off windows from now or a time, for a preset or until a time (viewer’s zone)', () => {
    const rule = { ruleId: 'r1' };
    const schedule = (overrides: Partial<SilenceFormInput>) => {
      const result = definitionFromForm(form({ ...rule, ...overrides }), BERLIN);
      assert.ok(result.ok, JSON.stringify(result));
      return result.definition.schedule;
    };
    assert.deepEqual(schedule({ duration: '1d' }), { kind: 'once', startsAtMs: NOW, endsAtMs: NOW + 86_400_000 });
    assert.deepEqual(schedule({ startMode: 'at', startAt: '2025-11-25T22:00', duration: '4h' }), {
      kind: 'once',
      startsAtMs: Date.UTC(2025, 10, 25, 21),
      endsAtMs: Date.UTC(2025, 10, 26, 1),
    });
    assert.deepEqual(schedule({ endMode: 'at', endAt: '2025-11-25T14:30' }), { kind: 'once', startsAtMs: NOW, endsAtMs: Date.UTC(2025, 10, 25, 13, 30) });
  });

  it('builds a recurring window with its zone and inclusive last day', () => {
    const result = definitionFromForm(
      form({
        ruleId: 'r1',
        kind: 'recurring',
        weekdays: [5, 1, 1],
        startTime: '22:00',
        endTime: '02:00',
        timezone: 'UTC',
        fromDate: '2025-12-01',
        untilDate: '2025-12-31',
      }),
      BERLIN,
    );
    assert.deepEqual(result, {
      ok: true,
      definition: {
        comment: '',
        createdBy: '',
        ruleId: 'r1',
        matchers: [],
        schedule: {
          kind: 'recurring',
          timezone: 'UTC',
          weekdays: [1, 5],
          startTime: '22:00',
          endTime: '02:00',
          fromMs: Date.UTC(2025, 11, 1),
          untilMs: Date.UTC(2026, 0, 1),
        },
      },
    });
  });

  it('says what is wrong with each field', () => {
    const problems = (overrides: Partial<SilenceFormInput>) => {
      const result = definitionFromForm(form(overrides), BERLIN);
      return result.ok ? {} : result.problems;
    };
    assert.deepEqual(problems({}), { matchers: 'Choose a rule or add at least one matcher.' });
    assert.deepEqual(problems({ matchers: [{ label: '', op: '=', value: 'x' }] }), { matchers: 'Name the label of each matcher, or remove its row.' });
    assert.deepEqual(problems({ matchers: [{ label: 'a', op: '=~', value: '(' }] }), { matchers: '“(” is not a valid regular expression.' });
    assert.deepEqual(problems({ ruleId: 'r', startMode: 'at', startAt: '' }), { startAt: 'Enter the start date and time.' });
    assert.deepEqual(problems({ ruleId: 'r', endMode: 'at', endAt: '2025-11-25T09:00' }), { endAt: 'The end must be after the start.' });
    assert.deepEqual(problems({ ruleId: 'r', startMode: 'at', startAt: '2025-11-20T09:00', endMode: 'at', endAt: '2025-11-20T10:00' }), {
      endAt: 'The end is in the past.',
    });
    assert.deepEqual(problems({ ruleId: 'r', kind: 'recurring', weekdays: [], startTime: '25:00', endTime: '1:0', timezone: 'Nowhere/City' }), {
      weekdays: 'Choose at least one day.',
      startTime: 'Enter the start as HH:MM (24-hour).',
      endTime: 'Enter the end as HH:MM (24-hour).',
      timezone: 'Choose a time zone.',
    });
    assert.deepEqual(problems({ ruleId: 'r', kind: 'recurring', fromDate: '2025-12-05', untilDate: '2025-12-01' }), {
      untilDate: 'The last day must not be before the first.',
    });
  });
});

describe('formFromDefinition', () => {
  it('round-trips recurring and one-off silences', () => {
    const definitions: SilenceDefinition[] = [
      {
        comment: 'backups',
        createdBy: 'ops',
        ruleId: 'r1',
        matchers: [{ label: 'host', op: 'not_regex', value: 'db-.*' }],
        schedule: {
          kind: 'recurring',
          timezone: 'Europe/Berlin',
          weekdays: [0, 6],
          startTime: '02:00',
          endTime: '04:00',
          fromMs: Date.UTC(2025, 11, 1) - 3_600_000,
          untilMs: Date.UTC(2026, 0, 1) - 3_600_000,
        },
      },
      {
        comment: '',
        createdBy: '',
        matchers: [{ label: 'env', op: 'equals', value: 'staging' }],
        schedule: { kind: 'once', startsAtMs: Date.UTC(2025, 10, 25, 9), endsAtMs: Date.UTC(2025, 10, 25, 13, 30) },
      },
    ];
    for (const definition of definitions) assert.deepEqual(definitionFromForm(formFromDefinition(definition, BERLIN), BERLIN), { ok: true, definition });
  });
});

describe('expiredNow and paths', () => {
  it('ends an active one-off silence now, and only such a one', () => {
    const active: SilenceDefinition = {
      comment: '',
      createdBy: '',
      ruleId: 'r',
      matchers: [],
      schedule: { kind: 'once', startsAtMs: NOW - 1000, endsAtMs: NOW + 1000 },
    };
    assert.deepEqual(expiredNow(active, NOW)?.schedule, { kind: 'once', startsAtMs: NOW - 1000, endsAtMs: NOW });
    assert.equal(expiredNow({ ...active, schedule: { kind: 'once', startsAtMs: NOW + 10, endsAtMs: NOW + 1000 } }, NOW), undefined);
    assert.equal(
      expiredNow({ ...active, schedule: { kind: 'recurring', timezone: 'UTC', weekdays: [1], startTime: '01:00', endTime: '02:00' } }, NOW),
      undefined,
    );
  });

  it('maps issue paths to fields', () => {
    assert.equal(silenceFieldOfPath(['matchers']), 'matchers');
    assert.equal(silenceFieldOfPath(['matchers', 0, 'label']), 'matchers');
    assert.equal(silenceFieldOfPath(['schedule', 'endsAtMs']), 'endAt');
    assert.equal(silenceFieldOfPath(['schedule', 'timezone']), 'timezone');
    assert.equal(silenceFieldOfPath(['ruleId']), 'ruleId');
    assert.equal(silenceFieldOfPath(['schedule', 'kind']), undefined);
  });
});

describe('editing', () => {
  it('reads clock times loosely', () => {
    assert.equal(normalizeClock(' 9:05 '), '09:05');
    assert.equal(normalizeClock('0930'), '09:30');
    assert.equal(normalizeClock('22:00'), '22:00');
    assert.equal(normalizeClock('9'), '9');
  });

  it('clears the problems an edit can fix', () => {
    const problems = { matchers: 'Choose a rule or add at least one matcher.', endAt: 'The end is in the past.', untilDate: 'x', comment: 'y' };
    assert.deepEqual(problemsAfterEdit(problems, { ruleId: 'r' }), { endAt: 'The end is in the past.', untilDate: 'x', comment: 'y' });
    assert.deepEqual(problemsAfterEdit(problems, { duration: '4h' }), { matchers: problems.matchers, untilDate: 'x', comment: 'y' });
    assert.deepEqual(problemsAfterEdit(problems, { fromDate: '2025-01-01', comment: '' }), { matchers: problems.matchers, endAt: problems.endAt });
  });
});
