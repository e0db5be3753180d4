/** The session cookie: read from the `Cookie` header, written as `Set-Cookie` (HttpOnly, SameSite=Lax, Path=/, Secure under TLS). */

export const SESSION_COOKIE = 'sightline_session';

/** The value of one cookie, or undefined. Only the first occurrence counts. */
export function readCookie(header: string | undefined, name: string): string | undefined {
  if (header === undefined) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0 || part.slice(0, eq).trim() !== name) continue;
    const raw = part.slice(eq + 1).trim();
    try {
      return decodeURIComponent(raw);
    } catch {
      return undefined;
    }
  }
  return undefined;
}

export interface CookieOptions {
  readonly secure: boolean;
}

function attributes(options: CookieOptions): string {
  return `; HttpOnly; SameSite=Lax; Path=/${options.secure ? '; Secure' : ''}`;
}

/** A session cookie ending with the session's absolute expiry. */
export function sessionCookie(token: string, expiresMs: number, nowMs: number, options: CookieOptions): string {
  const maxAge = Math.max(0, Math.floor((expiresMs - nowMs) / 1000));
  return `${SESSION_COOKIE}=${encodeURIComponent(token)}; Max-Age=${maxAge}${attributes(options)}`;
}

export function clearedSessionCookie(options: CookieOptions): string {
  return `${SESSION_COOKIE}=; Max-Age=0${attributes(options)}`;
}
