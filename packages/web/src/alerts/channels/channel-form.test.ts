import type { ChannelDefinition } from '@sightline/contract';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  channelFieldOfPath,
  DEFAULT_URLS,
  definitionFromForm,
  emptyChannelForm,
  formFromDefinition,
  portForSecurity,
  problemsAfterEdit,
  splitRecipients,
  type ChannelFormInput,
} from './channel-form.ts';

const form = (overrides: Partial<ChannelFormInput>): ChannelFormInput => ({ ...emptyChannelForm(), ...overrides });

describe('definitionFromForm', () => {
  it('builds a webhook with its secret and header rows, leaving blank rows out', () => {
    const result = definitionFromForm(
      form({
        name: ' Ops hook ',
        urls: { ...emptyChannelForm().urls, webhook: ' http://127.0.0.1:9000/hook ' },
        hmacSecret: 's3cret',
        headers: [
          { name: 'X-Team', value: 'ops' },
          { name: '', value: '' },
        ],
      }),
    );
    assert.deepEqual(result, {
      ok: true,
      definition: { name: 'Ops hook', settings: { type: 'webhook', url: 'http://127.0.0.1:9000/hook', hmacSecret: 's3cret', headers: { 'X-Team': 'ops' } } },
    });
  });

  it('uses the URL of the selected type only', () => {
    const urls = { ...emptyChannelForm().urls, webhook: 'http://a/', slack: 'https://hooks.slack.com/services/x' };
    const result = definitionFromForm(form({ name: 'chat', type: 'slack', urls }));
    assert.deepEqual(result, { ok: true, definition: { name: 'chat', settings: { type: 'slack', url: 'https://hooks.slack.com/services/x' } } });
  });

  it('defaults the PagerDuty and Opsgenie URLs to the services’ own', () => {
    assert.equal(DEFAULT_URLS.pagerduty, 'https://events.pagerduty.com/v2/enqueue');
    const result = definitionFromForm(form({ name: 'pd', type: 'pagerduty', routingKey: ' key123 ' }));
    assert.deepEqual(result, { ok: true, definition: { name: 'pd', settings: { type: 'pagerduty', routingKey: 'key123', url: DEFAULT_URLS.pagerduty } } });
    const og = definitionFromForm(form({ name: 'og', type: 'opsgenie', apiKey: 'k' }));
    assert.ok(og.ok && og.definition.settings.type === 'opsgenie' && og.definition.settings.url === 'https://api.opsgenie.com');
  });

  it('builds an email channel, splitting the recipients', () => {
    assert.deepEqual(splitRecipients(' a@x.io, b@y.io;c@z.io\nd@w.io '), ['a@x.io', 'b@y.io', 'c@z.io', 'd@w.io']);
    const result = definitionFromForm(
      form({ name: 'mail', type: 'email', host: 'smtp.local', port: '2525', security: 'none', from: 'me@x.io', to: 'a@x.io b@x.io', password: ' pw ' }),
    );
    assert.deepEqual(result, {
      ok: true,
      definition: {
        name: 'mail',
        settings: {
          type: 'email',
          host: 'smtp.local',
          port: 2525,
          security: 'none',
          requireTls: false,
          password: ' pw ',
          from: 'me@x.io',
          to: ['a@x.io', 'b@x.io'],
        },
      },
    });
  });

  it('says what is wrong with each field', () => {
    assert.deepEqual(definitionFromForm(form({ name: ' ', urls: { ...emptyChannelForm().urls, webhook: 'ftp://x' } })), {
      ok: false,
      problems: { name: 'Enter a name (up to 200 characters).', url: 'Enter an http:// or https:// URL.' },
      unplaced: [],
    });
    const email = definitionFromForm(form({ name: 'm', type: 'email', port: '70000', to: '' }));
    assert.equal(email.ok, false);
    assert.deepEqual(Object.keys(email.ok ? {} : email.problems).sort(), ['from', 'host', 'port', 'to']);
    const port = definitionFromForm(form({ name: 'm', type: 'email', host: 'h', from: 'a@b.c', to: 'x@y.z', port: 'abc' }));
    assert.deepEqual(port.ok ? {} : port.problems, { port: 'Enter a port number (1–65535).' });
  });

  it('refuses unnamed, badly named and repeated headers', () => {
    const withHeaders = (headers: ChannelFormInput['headers']) =>
      definitionFromForm(form({ name: 'h', urls: { ...emptyChannelForm().urls, webhook: 'http://h/' }, headers }));
    const problem = (headers: ChannelFormInput['headers']): string | undefined => {
      const result = withHeaders(headers);
      return result.ok ? undefined : result.problems.headers;
    };
    assert.equal(problem([{ name: '', value: 'v' }]), 'Name each header, or remove its row.');
    assert.equal(problem([{ name: 'Bad Name', value: 'v' }]), '“Bad Name”: header names are letters, digits and “-”.');
    assert.equal(
      problem([
        { name: 'X-A', value: '1' },
        { name: 'x-a', value: '2' },
      ]),
      '“x-a” is listed twice.',
    );
    assert.equal(problem([{ name: 'X-A', value: '' }]), undefined, 'an empty value is allowed');
  });
});

describe('formFromDefinition', () => {
  it('round-trips every type', () => {
    const definitions: ChannelDefinition[] = [
      { name: 'w', settings: { type: 'webhook', url: 'http://h/x', hmacSecret: 'secret', headers: { 'X-A': '1' } } },
      { name: 's', settings: { type: 'slack', url: 'https://hooks.slack.com/services/a' } },
      { name: 't', settings: { type: 'teams', url: 'https://teams.example/hook' } },
      { name: 'p', settings: { type: 'pagerduty', routingKey: 'rk', url: 'https://relay.local/pd' } },
      { name: 'o', settings: { type: 'opsgenie', apiKey: 'ak', url: 'https://api.eu.opsgenie.com' } },
      {
        name: 'e',
        settings: {
          type: 'email',
          host: 'h',
          port: 465,
          security: 'tls',
          requireTls: true,
          username: 'u',
          password: 'p',
          from: 'a@b.c',
          to: ['x@y.z', 'q@r.s'],
        },
      },
    ];
    for (const definition of definitions) assert.deepEqual(definitionFromForm(formFromDefinition(definition)), { ok: true, definition });
  });
});

describe('small helpers', () => {
  it('moves a usual port along with the security mode and keeps a custom one', () => {
    assert.equal(portForSecurity('587', 'tls'), '465');
    assert.equal(portForSecurity('465', 'starttls'), '587');
    assert.equal(portForSecurity('25', 'none'), '25');
    assert.equal(portForSecurity('2525', 'tls'), '2525');
  });

  it('maps issue paths to fields', () => {
    assert.equal(channelFieldOfPath(['name']), 'name');
    assert.equal(channelFieldOfPath(['settings', 'url']), 'url');
    assert.equal(channelFieldOfPath(['settings', 'to', 0]), 'to');
    assert.equal(channelFieldOfPath(['settings', 'headers', 'Bad Name']), 'headers');
    assert.equal(channelFieldOfPath(['settings', 'type']), undefined);
    assert.equal(channelFieldOfPath(['other']), undefined);
  });
});

describe('problemsAfterEdit', () => {
  it('clears the edited fields’ problems, and all of them for a new type', () => {
    const problems = { name: 'n', url: 'u', routingKey: 'k' };
    assert.deepEqual(problemsAfterEdit(problems, { name: 'x' }), { url: 'u', routingKey: 'k' });
    assert.deepEqual(problemsAfterEdit(problems, { urls: emptyChannelForm().urls }), { name: 'n', routingKey: 'k' });
    assert.deepEqual(problemsAfterEdit(problems, { type: 'slack' }), {});
  });
});
