import { addNotice, useStore } from './store';
import { formatHash, parseHash } from './url';

/**
 * Keeps the URL hash and the filters in step, both ways. A change made in the app pushes a history entry
 * (so back/forward work); a URL read from the address bar only replaces the entry, never adds one.
 */
export function startUrlSync(win: Window = window): () => void {
  let applying = false;
  const apply = () => {
    const { state, notices } = parseHash(win.location.hash);
    applying = true;
    useStore.setState({ filters: state });
    applying = false;
    const canonical = formatHash(state);
    if (canonical !== win.location.hash) win.history.replaceState(null, '', canonical);
    if (notices.length) addNotice(`链接中的参数无效，已使用默认值 (invalid link parameters, defaults used): ${notices.join(', ')}`, 'error');
  };
  apply();
  win.addEventListener('hashchange', apply);
  const unsubscribe = useStore.subscribe((s, prev) => {
    if (applying || s.filters === prev.filters) return;
    const next = formatHash(s.filters);
    if (next !== win.location.hash) win.history.pushState(null, '', next);
  });
  return () => {
    win.removeEventListener('hashchange', apply);
    unsubscribe();
  };
}
