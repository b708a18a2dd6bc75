import { useT } from './hooks';

/** The 演示数据 mark: every view of synthetic data carries it, visibly. */
export function DemoMark() {
  const t = useT();
  return (
    <span className="demo-mark" role="note" data-testid="demo-mark">
      {t('demoMarkLong')}
    </span>
  );
}
