/**
 * Errors shaped like OfficeExtension.Error (name 'RichApi.Error', code, debugInfo), so the adapter's
 * error mapping is exercised by the stand-in exactly as by Excel.
 */
export class StandInError extends Error {
  override readonly name = 'RichApi.Error';
  readonly debugInfo: { code: string; message: string; errorLocation?: string };

  constructor(
    readonly code: string,
    message: string,
    errorLocation?: string,
  ) {
    super(message);
    this.debugInfo = { code, message, ...(errorLocation ? { errorLocation } : {}) };
  }
}

export function propertyNotLoaded(prop: string, type: string): StandInError {
  return new StandInError(
    'PropertyNotLoaded',
    `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
    `${type}.${prop}`,
  );
}
