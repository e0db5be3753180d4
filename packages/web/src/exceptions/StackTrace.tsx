import { CopyButton } from '../components/CopyButton.tsx';
import { stackLines } from './stack-lines.ts';

/** A stack trace in monospace, the application's own frames bold and library frames dimmed. */
export function StackTrace({ text }: { readonly text: string }) {
  if (text.trim() === '') return <p className="muted small">No stack trace was recorded.</p>;
  return (
    <figure className="stack-trace">
      <figcaption>
        <span>Stack trace (newest occurrence)</span>
        <CopyButton text={text} label="Copy" />
      </figcaption>
      <pre>
        {stackLines(text).map((line, i) => (
          <span key={i} className={`stack-line stack-${line.kind}`}>
            {line.text}
            {'\n'}
          </span>
        ))}
      </pre>
    </figure>
  );
}
