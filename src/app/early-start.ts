/**
 * Work that need not wait for React or ECharts. main.tsx imports this module first, so it runs before
 * react-dom and echarts are evaluated (a few hundred milliseconds on a slow PC): the import worker's script
 * loads and compiles meanwhile, and boot's fetches are already under way when the first render asks for
 * them. The first chart waits on the data, not on the order things happened to start in.
 */
import { prestartImportWorker } from '../data/importer';
import { boot } from '../store/actions';
import { parseHash } from '../store/url';

prestartImportWorker();
// The store has not read the URL yet (that happens in App's first effect): read the link here.
void boot(parseHash(window.location.hash).state.ds);
