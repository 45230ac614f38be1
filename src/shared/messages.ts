/**
 * Every user-visible string, in English and Spanish (the tutorial's language).
 * Spanish must have exactly the keys English has: the type enforces it and a
 * unit test checks it at run time too.
 */

export const en = {
  'app.title': 'Breakwatch',
  'app.subtitle': 'Circuit-breaker monitor',
  'error.breakerOpen':
    'The request has failed repeatedly. The circuit breaker has been activated to prevent further attempts for a while.',
  'error.requestFailed': 'An error occurred while trying to connect to the API: {detail}',
  'error.unexpected': 'An unexpected error occurred: {detail}',
  'error.notCounted': 'This failure does not count toward the breaker.',
  'error.ipc': 'Breakwatch could not reach its monitor: {detail}',
  'state.closed': 'Closed',
  'state.open': 'Open',
  'state.half-open': 'Half-open',
  'state.label': 'Circuit breaker',
  'state.help.closed': 'Requests go to the API. {failures} of {threshold} consecutive failures.',
  'state.help.open': 'Requests are blocked until the recovery timeout ends.',
  'state.help.half-open': 'The next request is a trial: success closes the breaker, failure opens it again.',
  'countdown.label': 'Half-open in',
  'countdown.value': '{seconds} s',
  'retry.button': 'Retry',
  'retry.checking': 'Checking…',
  'retry.hint.closed': 'Sends one request to the API now.',
  'retry.hint.open': 'The breaker is open: Retry will be rejected at once, without contacting the API.',
  'retry.hint.half-open': 'Retry sends one trial request.',
  'response.title': 'Response',
  'response.empty': 'No data yet.',
  'response.status': 'HTTP {status}',
  'response.latency': '{ms} ms',
  'response.size': '{size}',
  'response.updated': 'Updated {time}',
  'response.truncated': 'Showing the first {shown} of {total}.',
  'response.stale': 'Last good data, {age} old — not current.',
  'target.label': 'Target',
  'target.url': 'URL',
  'fault.label': 'Demo Lambda behaviour',
  'fault.healthy': 'Healthy',
  'fault.down': 'Down (refused)',
  'fault.slow': 'Slow (timeout)',
  'fault.http-500': 'HTTP 500',
  'fault.invalid-json': 'Invalid JSON',
  'fault.flaky': 'Flaky (50 %)',
  'fault.help': 'Make the built-in demo Lambda misbehave and watch the breaker trip and recover.',
  'stats.failures': 'Consecutive failures',
  'stats.threshold': 'Threshold',
  'stats.recovery': 'Recovery timeout',
  'stats.interval': 'Check interval',
  'stats.manual': 'manual',
  'stats.seconds': '{seconds} s',
  'stats.lastCheck': 'Last check',
  'stats.never': 'never',
  'connection.lost': 'Connection to Breakwatch lost. Reconnecting…',
  'age.seconds': '{n} s',
  'age.minutes': '{n} min',
  'age.hours': '{n} h',
  'age.days': '{n} d',
} as const;

export type MessageKey = keyof typeof en;
export type Messages = Record<MessageKey, string>;

export const es: Messages = {
  'app.title': 'Breakwatch',
  'app.subtitle': 'Monitor de circuit breaker',
  'error.breakerOpen':
    'La solicitud ha fallado repetidamente. El Circuit Breaker se ha activado para evitar más intentos por un tiempo.',
  'error.requestFailed': 'Ocurrió un error al intentar conectarse a la API: {detail}',
  'error.unexpected': 'Ocurrió un error inesperado: {detail}',
  'error.notCounted': 'Este fallo no cuenta para el Circuit Breaker.',
  'error.ipc': 'Breakwatch no pudo comunicarse con su monitor: {detail}',
  'state.closed': 'Cerrado',
  'state.open': 'Abierto',
  'state.half-open': 'Semiabierto',
  'state.label': 'Circuit Breaker',
  'state.help.closed': 'Las solicitudes llegan a la API. {failures} de {threshold} fallos consecutivos.',
  'state.help.open': 'Las solicitudes están bloqueadas hasta que termine el tiempo de recuperación.',
  'state.help.half-open':
    'La próxima solicitud es de prueba: si funciona se cierra el Circuit Breaker; si falla, se abre de nuevo.',
  'countdown.label': 'Semiabierto en',
  'countdown.value': '{seconds} s',
  'retry.button': 'Reintentar',
  'retry.checking': 'Comprobando…',
  'retry.hint.closed': 'Envía ahora una solicitud a la API.',
  'retry.hint.open':
    'El Circuit Breaker está abierto: el reintento se rechazará al momento, sin contactar con la API.',
  'retry.hint.half-open': 'Reintentar envía una solicitud de prueba.',
  'response.title': 'Respuesta',
  'response.empty': 'Aún no hay datos.',
  'response.status': 'HTTP {status}',
  'response.latency': '{ms} ms',
  'response.size': '{size}',
  'response.updated': 'Actualizado {time}',
  'response.truncated': 'Se muestran los primeros {shown} de {total}.',
  'response.stale': 'Últimos datos válidos, de hace {age}; no son actuales.',
  'target.label': 'Destino',
  'target.url': 'URL',
  'fault.label': 'Comportamiento de la Lambda de demostración',
  'fault.healthy': 'Sana',
  'fault.down': 'Caída (rechazada)',
  'fault.slow': 'Lenta (sin respuesta)',
  'fault.http-500': 'HTTP 500',
  'fault.invalid-json': 'JSON no válido',
  'fault.flaky': 'Inestable (50 %)',
  'fault.help':
    'Haz que la Lambda de demostración falle y observa cómo el Circuit Breaker se activa y se recupera.',
  'stats.failures': 'Fallos consecutivos',
  'stats.threshold': 'Umbral',
  'stats.recovery': 'Tiempo de recuperación',
  'stats.interval': 'Intervalo de comprobación',
  'stats.manual': 'manual',
  'stats.seconds': '{seconds} s',
  'stats.lastCheck': 'Última comprobación',
  'stats.never': 'nunca',
  'connection.lost': 'Se perdió la conexión con Breakwatch. Reconectando…',
  'age.seconds': '{n} s',
  'age.minutes': '{n} min',
  'age.hours': '{n} h',
  'age.days': '{n} d',
};

export type Language = 'en' | 'es';
export const catalogs: Record<Language, Messages> = { en, es };

/** Spanish for any `es*` locale, English otherwise. */
export function languageFor(locale: string | null | undefined): Language {
  return locale?.toLowerCase().startsWith('es') ? 'es' : 'en';
}

/** Looks up `key` and fills `{name}` placeholders. */
export function translate(
  language: Language,
  key: MessageKey,
  params: Readonly<Record<string, string | number>> = {},
): string {
  return catalogs[language][key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : whole,
  );
}
