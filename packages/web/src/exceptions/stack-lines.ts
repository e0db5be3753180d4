/** A stack trace split into lines that can be told apart: message, own-code frame, library frame, cause. Pure. */

export type StackLineKind = 'text' | 'frame' | 'library' | 'cause';

export interface StackLine {
  readonly text: string;
  readonly kind: StackLineKind;
}

/** JS / Java / .NET frames (`at …`), Python frames (`File "…", line …`), Go frames (`\t/path/file.go:12`). */
const FRAME = /^\s*(?:at\s|File\s"|\t\/|\.\.\.\s\d+\smore)/;
const CAUSE = /^\s*(?:Caused by:|During handling of the above exception|The above exception was the direct cause|\[cause\]:?)/;
/** Code the application did not write: dependencies, the runtime, the standard library. */
const LIBRARY =
  /node_modules|\(node:|\bnode:internal|\(internal\/|site-packages|dist-packages|\/lib\/python\d|\bat (?:java|javax|jdk|sun|kotlin|scala)\.|\/usr\/local\/go\/|\/go\/pkg\/mod\/|\.\.\.\s\d+\smore/;

export function stackLines(stacktrace: string): StackLine[] {
  const lines = stacktrace.replace(/\r\n?/g, '\n').replace(/\n+$/, '').split('\n');
  return lines.map((text) => {
    if (CAUSE.test(text)) return { text, kind: 'cause' };
    if (FRAME.test(text)) return { text, kind: LIBRARY.test(text) ? 'library' : 'frame' };
    return { text, kind: 'text' };
  });
}

/** A short, stable id for an exception group (for the URL): a 32-bit FNV-1a hash in base 36. */
export function exceptionGroupId(group: { readonly service: string; readonly type: string; readonly messagePattern: string }): string {
  const key = `${group.service}\u0000${group.type}\u0000${group.messagePattern}`;
  let hash = 2166136261;
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 16777619);
  }
  return (hash >>> 0).toString(36);
}
