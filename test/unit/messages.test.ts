import { describe, expect, it } from 'vitest';
import { en, es, languageFor, translate } from '../../src/shared/messages';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('messages', () => {
  it('Spanish has exactly the English keys, none empty', () => {
    expect(Object.keys(es).sort()).toEqual(Object.keys(en).sort());
    for (const catalog of [en, es])
      for (const value of Object.values(catalog)) expect(value.trim()).not.toBe('');
  });

  it('each translation uses the same placeholders', () => {
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(placeholders(es[key]), key).toEqual(placeholders(en[key]));
    }
  });

  it('keeps the tutorial wording in both languages', () => {
    expect(translate('es', 'error.breakerOpen')).toBe(
      'La solicitud ha fallado repetidamente. El Circuit Breaker se ha activado para evitar más intentos por un tiempo.',
    );
    expect(translate('es', 'error.requestFailed', { detail: 'HTTP 500' })).toBe(
      'Ocurrió un error al intentar conectarse a la API: HTTP 500',
    );
  });

  it('picks Spanish for any es locale', () => {
    expect(languageFor('es-MX')).toBe('es');
    expect(languageFor('ES')).toBe('es');
    expect(languageFor('en-GB')).toBe('en');
    expect(languageFor(null)).toBe('en');
  });
});
