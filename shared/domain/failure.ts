// Expected failures as values (STYLE.md): a code and its parameters, rendered in the reader's
// language at the edge (the app's catalogues, the CLI's messages). Bugs throw; a refused
// record, a bad cell or a cancelled job is one of these.

export type FailureParams = Readonly<Record<string, string | number | boolean | null>>;

export interface Failure<C extends string = string> {
  code: C;
  params: FailureParams;
}

export const failure = <C extends string>(code: C, params: FailureParams = {}): Failure<C> => ({ code, params });

/** Thrown where a failure must unwind a transaction; carries the failure value. */
export class FailureError<C extends string = string> extends Error {
  readonly failure: Failure<C>;
  constructor(f: Failure<C>) {
    super(f.code);
    this.name = 'FailureError';
    this.failure = f;
  }
}

/** The one cancellation every long job (import, export, screening, bundles) reports. */
export class Cancelled extends Error {
  constructor() {
    super('cancelled');
    this.name = 'Cancelled';
  }
}

export const isCancelled = (e: unknown): e is Cancelled => e instanceof Cancelled || (e instanceof Error && e.name === 'Cancelled');
