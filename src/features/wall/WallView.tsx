import '../../charts/echarts-extra';
import { isDemoDataset } from '../../data/demo-dataset';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { format } from 'date-fns';
import { enUS, zhCN } from 'date-fns/locale';
import { fetchJson } from '../../data/fetch';
import { formatDate, indicatorName } from '../../model/format';
import { ensureDataset } from '../../store/actions';
import { setFilters, useStore } from '../../store/store';
import { ErrorBoundary } from '../common/ErrorBoundary';
import { useLang, useT } from '../common/hooks';
import { useBoxSize, useIdle, useNow, useOnline, usePageVisible } from './hooks';
import { isSlide, isTile, parsePlaylists, type Playlist } from './playlist';
import { WallTile } from './WallTile';
import type { WallTileKind } from './tile-kind';
import { useDataRefresh, useSyncedTour, useWakeLock } from './live';
import { chooseGrid, portraitCells } from './layout';
import './wall.css';

const RESUME_KEY = (id: string) => `htz-wall:${id}`;

function readResume(id: string): number {
  try {
    return Number(localStorage.getItem(RESUME_KEY(id))) || 0;
  } catch {
    return 0;
  }
}

/**
 * 大屏: a self-running tour of slides. Fluid layout (one size unit from the viewport height, a CSS grid of
 * tiles), so it fills anything from 1280×720 to a 7680×2160 LED wall without scaling a fixed page. It resumes
 * at the same slide after a reload, pauses while hidden, and keeps one timer for the tour. The views' tile kinds
 * come from the view registry (src/app/views.ts, docs/architecture.md §4.6): the wall draws no view by name.
 */
export function WallView({ tileKinds }: { tileKinds: readonly WallTileKind[] }) {
  const t = useT();
  const lang = useLang();
  const playlistId = useStore((s) => s.filters.playlist) ?? 'default';
  const datasets = useStore((s) => s.datasets);
  const manifest = useStore((s) => s.manifest);
  const catalogue = useStore((s) => s.catalogue);
  const [playlist, setPlaylist] = useState<Playlist | null>(null);
  const [error, setError] = useState('');
  const [index, setIndex] = useState(() => readResume(playlistId));
  const [paused, setPaused] = useState(false);
  const idle = useIdle(3000);
  const visible = usePageVisible();
  const online = useOnline();
  // live data, the screen kept awake, screens in step by the clock (live.ts)
  const liveData = useDataRefresh(playlist);
  useWakeLock();
  const synced = useSyncedTour(playlist, paused, visible, setIndex);
  const now = useNow();
  const [root, size] = useBoxSize<HTMLDivElement>();
  const [stage, stageSize] = useBoxSize<HTMLElement>();

  useEffect(() => {
    let live = true;
    fetchJson('./data/wall.json')
      .then((json) => parsePlaylists(json, tileKinds))
      .then(async (lists) => lists.find((p) => p.id === playlistId) ?? parsePlaylists(await fetchJson(`./data/playlists/${playlistId}.json`), tileKinds)[0])
      .then((p) => live && (p ? setPlaylist(p) : setError(t('wallNoPlaylist', { id: playlistId }))))
      .catch((e: Error) => live && setError(t('wallLoadFailed', { reason: e.message })));
    return () => {
      live = false;
    };
  }, [playlistId, t, tileKinds]);

  // Every dataset of the tour is loaded up front: when the network drops later, the wall still has it all.
  useEffect(() => {
    if (!playlist || !manifest) return;
    for (const s of playlist.slides) if (isSlide(s)) void ensureDataset(s.ds);
  }, [playlist, manifest]);

  const count = playlist?.slides.length ?? 0;
  const current = count ? ((index % count) + count) % count : 0;
  const slide = playlist?.slides[current];
  const go = useCallback((delta: number) => setIndex((i) => (count ? (((i + delta) % count) + count) % count : 0)), [count]);

  useEffect(() => {
    try {
      localStorage.setItem(RESUME_KEY(playlistId), String(current));
    } catch {
      // a private window: the wall still runs, it just won't resume
    }
  }, [playlistId, current]);

  // One timeout for the tour, restarted per slide: a hidden page queues nothing, so no burst on return.
  useEffect(() => {
    if (synced || !slide || paused || !visible || count < 2) return;
    const ms = (isSlide(slide) ? slide.duration : 10) * 1000;
    const id = window.setTimeout(() => go(1), ms);
    return () => window.clearTimeout(id);
  }, [synced, slide, paused, visible, count, go]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === ' ') {
        e.preventDefault();
        setPaused((p) => !p);
      } else if (e.key === 'ArrowRight') go(1);
      else if (e.key === 'ArrowLeft') go(-1);
      else if (e.key === 'f' || e.key === 'F') {
        if (document.fullscreenElement) void document.exitFullscreen?.();
        else void document.documentElement.requestFullscreen?.().catch(() => undefined);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [go]);

  // 2.5 % of the screen height, rounded up: the smallest text a room away can read (nothing on the wall is smaller)
  const fontSize = Math.max(12, Math.ceil((size.height || window.innerHeight) * 0.025));
  const ds = slide && isSlide(slide) ? datasets[slide.ds] : undefined;
  const tiles = slide && isSlide(slide) ? slide.tiles : [];
  // The grid from the stage's shape and the slide's tiles (layout.ts): a spliced 32:9 wall lays them in one
  // row, a 16:9 screen in two, a portrait screen in one column. A double tile is two cells: two rows tall
  // (long ranking lists), or two columns wide in a one-row layout.
  const spans = tiles.map((tile) => (isTile(tile) ? tile.span : 1));
  const { rows, cols, spanAlong } = chooseGrid(spans, stageSize.width || size.width || window.innerWidth, stageSize.height || size.height || window.innerHeight, fontSize);
  // one column (portrait): a row of key figures is as high as its text, the charts share the rest by their spans
  const stacked = cols === 1 && rows > 1;
  const kinds = tiles.map((tile) => (isTile(tile) && tile.kind === 'kpi' ? 'kpi' : 'chart'));
  // a chart row never gets less than 11 lines of text (its title, source and a plot under axis labels 231 px tall
  // at 48 px) unless the charts together cannot all have that much
  const chartRows = kinds.filter((k) => k === 'chart').length;
  const rowTemplate = stacked
    ? portraitCells(kinds).map((ks) => (kinds[ks[0]] === 'kpi' ? 'auto' : `minmax(min(${fontSize * 11}px, ${Math.floor(100 / chartRows)}%), ${spans[ks[0]]}fr)`)).join(' ')
    : `repeat(${rows}, minmax(0, 1fr))`;
  const tileBody = (tile: (typeof tiles)[number], k: number) =>
    isTile(tile) ? (
      // a tile that throws becomes a card in its cell; the other tiles and the tour go on
      <ErrorBoundary key={k} name={t('wallTileName', { n: k + 1, ind: indLabel(tile.ind) })} kind="tile">
        <WallTile tile={tile} kind={tileKinds.find((k) => k.kind === tile.kind)} table={ds!.table!} focus={slide && isSlide(slide) ? slide.focus : null} fontSize={fontSize} paused={paused} compact={portrait} />
      </ErrorBoundary>
    ) : (
      <p key={k} className="wall-error" role="alert">{t('wallSlideError', { reason: tile.error })}</p>
    );
  const indLabel = (id: string) => {
    const ind = catalogue?.byId.get(id);
    return ind ? indicatorName(ind, lang) : id;
  };
  // A portrait screen (1080×1920) has 22 characters of 2.5 % text to a line: its header drops the tour's name (the
  // slide's title says what is shown), the weekday and the long demo mark, so the charts keep their height
  const portrait = (stageSize.width || size.width || window.innerWidth) < (size.height || window.innerHeight);
  const clockFormat = portrait ? (lang === 'zh' ? 'M月d日 HH:mm:ss' : 'd MMM HH:mm:ss') : lang === 'zh' ? 'M月d日 EEEE HH:mm:ss' : 'EEE d MMM HH:mm:ss';
  const clock = useMemo(() => format(now, clockFormat, { locale: lang === 'zh' ? zhCN : enUS }), [now, lang, clockFormat]);

  return (
    <div ref={root} className={`wall${idle ? ' idle' : ''}${portrait ? ' portrait' : ''}`} style={{ '--wall-font': `${fontSize}px` } as React.CSSProperties} data-testid="wall" data-font={fontSize}>
      <header className="wall-header">
        <h1>{playlist ? playlist.title[lang] : t('appTitle')}</h1>
        <h2 data-testid="wall-slide-title">{slide ? slide.title[lang] : ''}</h2>
        <div className="wall-meta">
          {isDemoDataset(ds) && <span className="wall-demo">{t(portrait ? 'demoMark' : 'demoMarkLong')}</span>}
          {ds?.asOf && <span data-testid="wall-asof">{online && !liveData.offline ? t('asOf', { date: formatDate(ds.asOf, lang) }) : t('wallOffline', { date: formatDate(ds.asOf, lang) })}</span>}
          {liveData.updatedAt && <span data-testid="wall-updated">{t('wallUpdated', { time: format(liveData.updatedAt, 'HH:mm') })}</span>}
          <time dateTime={now.toISOString()} data-testid="wall-clock">{clock}</time>
          {count > 1 && (
            <span data-testid="wall-counter">
              {current + 1} / {count}
              {paused ? ` · ${t('wallPaused')}` : ''}
            </span>
          )}
        </div>
      </header>
      <main ref={stage} className="wall-stage" style={{ gridTemplateColumns: `repeat(${cols}, minmax(0, 1fr))`, gridTemplateRows: rowTemplate }} data-grid={`${rows}x${cols}`}>
        {error && <p className="wall-error" role="alert">{error}</p>}
        {slide && !isSlide(slide) && <p className="wall-error" role="alert">{t('wallSlideError', { reason: slide.error })}</p>}
        {slide && isSlide(slide) && ds?.status === 'ready' && ds.table &&
          (stacked
            ? portraitCells(tiles.map((tile) => (isTile(tile) && tile.kind === 'kpi' ? 'kpi' : 'chart'))).map((ks) => (
                <div key={`${current}-${ks[0]}`} className={`wall-cell${ks.length > 1 ? ' kpi-row' : ''}`}>
                  {ks.map((k) => tileBody(tiles[k], k))}
                </div>
              ))
            : tiles.map((tile, k) => (
                <div key={`${current}-${k}`} className="wall-cell" style={isTile(tile) ? (spanAlong === 'col' ? { gridColumn: `span ${Math.min(tile.span, cols)}` } : { gridRow: `span ${Math.min(tile.span, rows)}` }) : undefined}>
                  {tileBody(tile, k)}
                </div>
              )))}
        {slide && isSlide(slide) && ds?.status === 'error' && <p className="wall-error" role="alert">{t('loadFailed', { reason: ds.error ?? '' })}</p>}
        {slide && isSlide(slide) && manifest && !manifest.datasets.some((d) => d.id === slide.ds) && (
          <p className="wall-error" role="alert">{t('wallSlideError', { reason: `ds=${slide.ds}` })}</p>
        )}
      </main>
      <nav className="wall-controls" aria-label={t('wallControls')}>
        <button type="button" onClick={() => go(-1)}>{t('wallPrev')}</button>
        <button type="button" onClick={() => setPaused((p) => !p)} aria-pressed={paused}>{paused ? t('wallPlay') : t('wallPause')}</button>
        <button type="button" onClick={() => go(1)}>{t('wallNext')}</button>
        <button type="button" onClick={() => void document.documentElement.requestFullscreen?.().catch(() => undefined)}>{t('wallFullscreen')}</button>
        <button type="button" onClick={() => setFilters({ route: 'rankings', playlist: null })}>{t('wallExit')}</button>
        <span className="wall-hint">{t('wallControls')}</span>
      </nav>
    </div>
  );
}
