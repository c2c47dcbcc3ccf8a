// How a token lifetime is really checked by AWS: value × unit must fall in a duration window (fact sheet §3.4).
// The provider only checks the raw number, so e.g. `access_token_validity = 48` (hours) passes plan and fails apply.

export type TimeUnit = 'seconds' | 'minutes' | 'hours' | 'days';

export const SECONDS_PER_UNIT: Readonly<Record<TimeUnit, number>> = {
  seconds: 1,
  minutes: 60,
  hours: 3600,
  days: 86400,
};

export interface TokenValidityFact {
  token: 'access' | 'id' | 'refresh';
  /** Top-level number attribute. */
  attribute: 'access_token_validity' | 'id_token_validity' | 'refresh_token_validity';
  /** Key inside `token_validity_units`. */
  unitKey: 'access_token' | 'id_token' | 'refresh_token';
  defaultUnit: TimeUnit;
  /** The lifetime AWS uses when the attribute is not set, in `defaultUnit`. */
  defaultValue: number;
  /** Shortest and longest lifetime AWS accepts, in seconds. */
  minSeconds: number;
  maxSeconds: number;
  /** Human form of the window, e.g. "5 minutes to 1 day". */
  window: string;
  sources: readonly string[];
}

export const tokenValidity: readonly TokenValidityFact[] = [
  {
    token: 'access',
    attribute: 'access_token_validity',
    unitKey: 'access_token',
    defaultUnit: 'hours',
    defaultValue: 1,
    minSeconds: 300,
    maxSeconds: 86400,
    window: '5 minutes to 1 day',
    sources: ['A2', 'C3'],
  },
  {
    token: 'id',
    attribute: 'id_token_validity',
    unitKey: 'id_token',
    defaultUnit: 'hours',
    defaultValue: 1,
    minSeconds: 300,
    maxSeconds: 86400,
    window: '5 minutes to 1 day',
    sources: ['A2', 'C3'],
  },
  {
    token: 'refresh',
    attribute: 'refresh_token_validity',
    unitKey: 'refresh_token',
    defaultUnit: 'days',
    defaultValue: 30,
    minSeconds: 3600,
    maxSeconds: 315360000,
    window: '60 minutes to 10 years',
    sources: ['A2', 'C3'],
  },
];

/** The accepted values of a validity number for one unit (whole units only), e.g. access + minutes → 5..1440. */
export function validityBoundsInUnit(fact: TokenValidityFact, unit: TimeUnit): { min: number; max: number } {
  const per = SECONDS_PER_UNIT[unit];
  return { min: Math.ceil(fact.minSeconds / per), max: Math.floor(fact.maxSeconds / per) };
}
