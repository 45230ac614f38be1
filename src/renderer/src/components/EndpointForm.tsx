import { useId, useState, type ReactNode } from 'react';
import { FAILURE_CATEGORIES, type FailureCategory } from '../../../shared/model';
import { ENDPOINT_DEFAULTS } from '../../../shared/endpoint-defaults';
import type { EndpointInput } from '../../../shared/settings';
import { useI18n } from '../hooks/useI18n';
import { Checkbox } from './Checkbox';
import { useBreakwatch } from '../store';

interface HeaderRow {
  name: string;
  value: string;
  secret: boolean;
  /** A stored secret the form never received: empty value keeps it. */
  stored: boolean;
}

interface Draft {
  id?: string;
  kind: 'http' | 'demo';
  name: string;
  url: string;
  method: 'GET' | 'POST';
  body: string;
  headers: HeaderRow[];
  failureThreshold: string;
  recoveryTimeoutS: string;
  requestTimeoutS: string;
  intervalS: string;
  countedFailures: FailureCategory[];
  respectRetryAfter: boolean;
  backoff: boolean;
  backoffMaxS: string;
  paused: boolean;
  notify: boolean;
}

function toNumber(text: string): number {
  return text.trim() === '' ? Number.NaN : Number(text);
}

function toInput(draft: Draft): EndpointInput {
  return {
    ...(draft.id ? { id: draft.id } : {}),
    kind: draft.kind,
    name: draft.name,
    url: draft.url,
    method: draft.method,
    body: draft.method === 'POST' ? draft.body : '',
    headers: draft.headers.map((h) => ({
      name: h.name,
      secret: h.secret,
      ...(h.stored && h.value === '' ? {} : { value: h.value }),
    })),
    failureThreshold: toNumber(draft.failureThreshold),
    recoveryTimeoutS: toNumber(draft.recoveryTimeoutS),
    requestTimeoutS: toNumber(draft.requestTimeoutS),
    intervalS: toNumber(draft.intervalS),
    countedFailures: draft.countedFailures,
    respectRetryAfter: draft.respectRetryAfter,
    backoff: draft.backoff,
    backoffMaxS: toNumber(draft.backoffMaxS),
    paused: draft.paused,
    notify: draft.notify,
  };
}

const d = ENDPOINT_DEFAULTS;
const EMPTY: Draft = {
  kind: 'http',
  name: '',
  url: 'https://',
  method: 'GET',
  body: '',
  headers: [],
  failureThreshold: String(d.failureThreshold),
  recoveryTimeoutS: String(d.recoveryTimeoutS),
  requestTimeoutS: String(d.requestTimeoutS),
  intervalS: String(d.intervalS),
  countedFailures: [...d.countedFailures],
  respectRetryAfter: d.respectRetryAfter,
  backoff: d.backoff,
  backoffMaxS: String(d.backoffMaxS),
  paused: false,
  notify: d.notify,
};

function Field({
  label,
  error,
  children,
  id,
}: {
  label: string;
  error?: string | undefined;
  children: ReactNode;
  id: string;
}) {
  return (
    <div className={`field${error ? ' has-error' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {children}
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}

/** Add or edit an endpoint. Main validates; its messages appear next to each field. */
export function EndpointForm({ id }: { id: string | null }) {
  const { t } = useI18n();
  const uid = useId();
  const existing = useBreakwatch((s) => (id ? s.endpoints.find((e) => e.id === id) : undefined));
  const presets = useBreakwatch((s) => s.info?.presets);
  const encrypted = useBreakwatch((s) => s.info?.secretsEncrypted ?? false);
  const save = useBreakwatch((s) => s.saveEndpoint);
  const show = useBreakwatch((s) => s.show);
  const [draft, setDraft] = useState<Draft>(() =>
    existing
      ? {
          ...existing,
          headers: existing.headers.map((h) => ({
            name: h.name,
            value: h.value ?? '',
            secret: h.secret,
            stored: h.value === null,
          })),
          failureThreshold: String(existing.failureThreshold),
          recoveryTimeoutS: String(existing.recoveryTimeoutS),
          requestTimeoutS: String(existing.requestTimeoutS),
          intervalS: String(existing.intervalS),
          countedFailures: [...existing.countedFailures],
          backoffMaxS: String(existing.backoffMaxS),
        }
      : EMPTY,
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [summary, setSummary] = useState<string | null>(null);
  const update = (changes: Partial<Draft>) => setDraft((current) => ({ ...current, ...changes }));
  const fieldId = (name: string) => `${uid}-${name}`;
  const describedBy = (name: string) =>
    errors[name] ? { 'aria-invalid': true, 'aria-describedby': `${fieldId(name)}-error` } : {};

  const submit = async () => {
    const result = await save(toInput(draft));
    if (result.ok) return;
    setErrors(result.fields);
    setSummary(result.message);
  };

  const setHeader = (index: number, changes: Partial<HeaderRow>) =>
    update({ headers: draft.headers.map((h, i) => (i === index ? { ...h, ...changes } : h)) });

  const numberField = (
    name: 'failureThreshold' | 'recoveryTimeoutS' | 'requestTimeoutS' | 'intervalS' | 'backoffMaxS',
    label: string,
  ) => (
    <Field label={label} error={errors[name]} id={fieldId(name)}>
      <input
        id={fieldId(name)}
        type="number"
        inputMode="decimal"
        step="any"
        value={draft[name]}
        onChange={(e) => update({ [name]: e.target.value })}
        {...describedBy(name)}
      />
    </Field>
  );

  return (
    <form
      className="card endpoint-form"
      aria-labelledby={`${uid}-title`}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <h2 id={`${uid}-title`} className="page-title">
        {id ? t('form.titleEdit') : t('form.titleNew')}
      </h2>
      {!id && presets && (
        <div className="presets" role="group" aria-label={t('form.presets')}>
          <span>{t('form.presets')}:</span>
          {presets.demoUrl && (
            <button
              type="button"
              className="button button-quiet"
              onClick={() => update({ kind: 'demo', name: 'Demo Lambda', url: presets.demoUrl! })}
            >
              {t('form.preset.demo')}
            </button>
          )}
          <button
            type="button"
            className="button button-quiet"
            onClick={() => update({ kind: 'http', name: 'Tutorial Lambda (AWS)', url: presets.tutorialUrl })}
          >
            {t('form.preset.tutorial')}
          </button>
        </div>
      )}
      {summary && (
        <p role="alert" className="form-summary">
          {Object.keys(errors).length > 0
            ? t('form.errorFields', { n: Object.keys(errors).length })
            : t('form.error', { detail: summary })}
        </p>
      )}
      <div className="form-grid">
        <Field label={t('form.name')} error={errors['name']} id={fieldId('name')}>
          <input
            id={fieldId('name')}
            value={draft.name}
            onChange={(e) => update({ name: e.target.value })}
            {...describedBy('name')}
          />
        </Field>
        <Field label={t('form.url')} error={errors['url']} id={fieldId('url')}>
          <input
            id={fieldId('url')}
            type="url"
            value={draft.url}
            disabled={draft.kind === 'demo'}
            onChange={(e) => update({ url: e.target.value })}
            {...describedBy('url')}
          />
        </Field>
        <Field label={t('form.method')} error={errors['method']} id={fieldId('method')}>
          <select
            id={fieldId('method')}
            value={draft.method}
            onChange={(e) => update({ method: e.target.value as Draft['method'] })}
          >
            <option value="GET">GET</option>
            <option value="POST">POST</option>
          </select>
        </Field>
        {numberField('failureThreshold', t('form.failureThreshold'))}
        {numberField('recoveryTimeoutS', t('form.recoveryTimeout'))}
        {numberField('requestTimeoutS', t('form.requestTimeout'))}
        {numberField('intervalS', t('form.interval'))}
      </div>
      {draft.method === 'POST' && (
        <Field label={t('form.body')} error={errors['body']} id={fieldId('body')}>
          <textarea
            id={fieldId('body')}
            rows={5}
            value={draft.body}
            onChange={(e) => update({ body: e.target.value })}
            {...describedBy('body')}
          />
        </Field>
      )}
      <fieldset className="headers">
        <legend>{t('form.headers')}</legend>
        {!encrypted && draft.headers.some((h) => h.secret) && (
          <p className="warning">{t('form.secretsPlain')}</p>
        )}
        {draft.headers.map((header, index) => (
          <div key={index} className="header-row">
            <Field
              label={t('form.headerName')}
              error={errors[`headers.${index}.name`]}
              id={fieldId(`h${index}n`)}
            >
              <input
                id={fieldId(`h${index}n`)}
                value={header.name}
                onChange={(e) => setHeader(index, { name: e.target.value })}
              />
            </Field>
            <Field
              label={t('form.headerValue')}
              error={errors[`headers.${index}.value`]}
              id={fieldId(`h${index}v`)}
            >
              <input
                id={fieldId(`h${index}v`)}
                type={header.secret ? 'password' : 'text'}
                autoComplete="off"
                placeholder={header.stored ? t('form.secretKept') : ''}
                value={header.value}
                onChange={(e) => setHeader(index, { value: e.target.value })}
              />
            </Field>
            <Checkbox checked={header.secret} onChange={(checked) => setHeader(index, { secret: checked })}>
              {t('form.headerSecret')}
            </Checkbox>
            <button
              type="button"
              className="button button-quiet"
              onClick={() => update({ headers: draft.headers.filter((_, i) => i !== index) })}
            >
              {t('form.removeHeader')}
            </button>
          </div>
        ))}
        {errors['headers'] && <p className="field-error">{errors['headers']}</p>}
        <button
          type="button"
          className="button button-quiet"
          onClick={() =>
            update({ headers: [...draft.headers, { name: '', value: '', secret: false, stored: false }] })
          }
        >
          {t('form.addHeader')}
        </button>
      </fieldset>
      <fieldset>
        <legend>{t('form.counted')}</legend>
        <div className="checks">
          {FAILURE_CATEGORIES.map((category) => (
            <Checkbox
              key={category}
              checked={draft.countedFailures.includes(category)}
              onChange={(checked) =>
                update({
                  countedFailures: checked
                    ? [...draft.countedFailures, category]
                    : draft.countedFailures.filter((c) => c !== category),
                })
              }
            >
              {t(`failure.${category}`)}
            </Checkbox>
          ))}
        </div>
      </fieldset>
      <div className="checks">
        <Checkbox
          checked={draft.respectRetryAfter}
          onChange={(checked) => update({ respectRetryAfter: checked })}
        >
          {t('form.retryAfter')}
        </Checkbox>
        <Checkbox checked={draft.backoff} onChange={(checked) => update({ backoff: checked })}>
          {t('form.backoff')}
        </Checkbox>
        <Checkbox checked={draft.notify} onChange={(checked) => update({ notify: checked })}>
          {t('form.notify')}
        </Checkbox>
      </div>
      {draft.backoff && numberField('backoffMaxS', t('form.backoffMax'))}
      <div className="form-actions">
        <button type="submit" className="button button-primary">
          {t('form.save')}
        </button>
        <button
          type="button"
          className="button button-quiet"
          onClick={() => show(id ? { kind: 'endpoint', id } : { kind: 'overview' })}
        >
          {t('form.cancel')}
        </button>
      </div>
    </form>
  );
}
