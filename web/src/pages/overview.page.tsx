/**
 * The generated Infrastructure Overview, shown as the server renders it in a sandboxed frame (no
 * scripts run in it), with downloads as Markdown, reStructuredText and HTML.
 */
import type { JSX } from 'preact';
import { useRef, useState } from 'preact/hooks';
import { api } from '../api/api-client.js';
import { usePageTitle } from '../components/page-title.js';
import './overview.css';

const DOWNLOADS = [
  { format: 'md', label: 'Markdown', file: 'infrastructure-overview.md' },
  { format: 'rst', label: 'reStructuredText', file: 'infrastructure-overview.rst' },
  { format: 'html', label: 'HTML', file: 'infrastructure-overview.html' },
] as const;

export function OverviewPage(): JSX.Element {
  usePageTitle('Infrastructure overview');
  const frame = useRef<HTMLIFrameElement>(null);
  const [loaded, setLoaded] = useState(false);
  const [height, setHeight] = useState(900);

  // The frame is same-origin without scripts, so its height can be read to avoid a second scrollbar.
  const onLoad = () => {
    setLoaded(true);
    const doc = frame.current?.contentDocument;
    if (!doc?.documentElement) return;
    setHeight(Math.max(400, doc.documentElement.scrollHeight + 24));
    // Links to other sites open in a new tab instead of inside the frame.
    for (const link of doc.querySelectorAll<HTMLAnchorElement>('a[href]')) {
      if (/^https?:$/.test(link.protocol) && link.origin !== window.location.origin) {
        link.target = '_blank';
        link.rel = 'noopener noreferrer';
      }
    }
  };

  return (
    <article class="page overview-page">
      <h1>Infrastructure overview</h1>
      <p class="lede">
        The overview page generated from the catalog: what runs where, on which providers, and who
        looks after it. Regenerated on every request, so it is never out of date with the catalog.
      </p>
      <ul class="download-list" aria-label="Downloads">
        {DOWNLOADS.map((d) => (
          <li key={d.format}>
            <a class="button" href={api.overview(d.format)} download={d.file}>
              Download {d.label}
            </a>
          </li>
        ))}
      </ul>
      {!loaded ? (
        <p class="muted" role="status">
          Loading the overview…
        </p>
      ) : null}
      <iframe
        ref={frame}
        class="overview-frame"
        title="Infrastructure overview"
        src={api.overview('html')}
        sandbox="allow-same-origin allow-popups allow-popups-to-escape-sandbox"
        style={{ height: `${height}px` }}
        onLoad={onLoad}
      />
    </article>
  );
}
