import { useMemo } from 'react';
import type { RankingsChartInput } from '../../charts/rankings-option';
import type { Evaluation } from '../../data/evaluations';
import type { TierRule } from '../../data/source-tiers';
import type { TidyTable } from '../../data/table';
import type { Zone } from '../../domain/types';
import type { Lang, Translate } from '../../i18n';
import type { Rankings } from '../../model/rankings';
import { ExportMenu, ExportViewZip } from '../export/ExportMenu';
import { ExportViewOffice } from '../export/OfficeExport';
import { indicatorName } from '../../model/format';
import { rankingsExportSpec } from './rankings-export';

interface Props {
  rankings: Rankings;
  table: TidyTable;
  input: RankingsChartInput;
  lang: Lang;
  t: Translate;
  chosen: Zone[];
  universe: { count: number; evaluated: boolean; evaluation?: Evaluation | null };
  demo: boolean;
  zonesById: Map<string, Zone>;
  tierRules: readonly TierRule[];
}

/**
 * The Rankings chart's export buttons and the spec they export (rows, notes, file name). Loaded after the first
 * chart has drawn: nobody exports before they have seen the chart, so this code is not first-view code.
 */
export function RankingsExportTools({ rankings, table, input, ...o }: Props) {
  const spec = useMemo(() => rankingsExportSpec(rankings, table, input, o), [rankings, table, input, o.lang, o.t, o.chosen, o.universe, o.demo, o.zonesById, o.tierRules]); // eslint-disable-line react-hooks/exhaustive-deps
  return (
    <>
      <ExportViewZip specs={[spec]} fileParts={spec.fileParts} />
      <ExportViewOffice specs={[spec]} fileParts={spec.fileParts} title={o.t('rankingsTitle', { indicator: indicatorName(rankings.indicator, o.lang), year: rankings.year })} indicators={[indicatorName(rankings.indicator, o.lang)]} when={String(rankings.year)} />
      <ExportMenu spec={spec} />
    </>
  );
}
