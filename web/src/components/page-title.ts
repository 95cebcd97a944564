import { useEffect } from 'preact/hooks';

/** Sets the document title ("Bugs · Switchboard") while the page is shown. */
export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = title ? `${title} · Switchboard` : 'Switchboard';
  }, [title]);
}
