/** A failed API call, in the API's own terms: a stable code and a readable message. */
export class ApiError extends Error {
  readonly code: string;
  /** HTTP status; 0 when the server could not be reached. */
  readonly status: number;

  constructor(code: string, message: string, status: number) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.status = status;
  }
}

export function isAbortError(error: unknown): boolean {
  return error instanceof DOMException ? error.name === 'AbortError' : error instanceof Error && error.name === 'AbortError';
}

/** Any thrown value as code and message for display. */
export function describeError(error: unknown): { readonly code: string; readonly message: string } {
  if (error instanceof ApiError) return { code: error.code, message: error.message };
  if (error instanceof Error) return { code: 'CLIENT_ERROR', message: error.message };
  return { code: 'CLIENT_ERROR', message: String(error) };
}
