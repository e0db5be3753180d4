import { CopyButton } from '../components/CopyButton.tsx';

export function CodeBlock({ code, title, language }: { readonly code: string; readonly title: string; readonly language: string }) {
  return (
    <figure className="code-block">
      <figcaption>
        <span>{title}</span>
        <span className="code-lang">{language}</span>
        <CopyButton text={code} />
      </figcaption>
      <pre tabIndex={0}>
        <code>{code}</code>
      </pre>
    </figure>
  );
}
