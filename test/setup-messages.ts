import { ensureLang } from '../src/i18n';

// The zh-CN messages beyond the first view's load beside the first chart in the app (i18n/index.ts); unit and
// component tests render views directly, so they have them from the start, as a view in the app does.
await ensureLang('zh');
