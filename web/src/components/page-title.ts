import { useEffect } from 'preact/hooks';
import { visibleText } from '../format/visible-text.js';

/** Sets the document title ("Bugs · Switchboard") while the page is shown. */
export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = title ? `${visibleText(title)} · Switchboard` : 'Switchboard';
  }, [title]);
}
