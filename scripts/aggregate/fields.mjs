// The firm-level fields of `npm run aggregate` (docs/scaling.md): what the SQL reads and what each feeds.
/**
 * The firm-level fields the SQL reads, the unit each is brought to before it (万元, 人, 件) and the
 * catalogue indicator(s) it feeds with the unit the SQL writes (checked against data/indicators.json).
 * @type {{ key: string, sql: string, kind: 'id' | 'text' | 'money' | 'persons' | 'count' | 'flag', feeds: Record<string, string> }[]}
 */
export const FIELDS = [
  { key: 'firm_id', sql: 'firm_id', kind: 'id', feeds: { enterprises: '家' } },
  { key: 'zone_name', sql: 'zone_name', kind: 'text', feeds: {} },
  { key: 'year', sql: 'year', kind: 'text', feeds: {} },
  { key: 'revenue', sql: 'revenue_wan', kind: 'money', feeds: { revenue: '亿元', enterprises_revenue_over_100m: '家', rd_intensity_revenue: '%' } },
  { key: 'industrial_output', sql: 'industrial_output_wan', kind: 'money', feeds: { industrial_output: '亿元' } },
  { key: 'net_profit', sql: 'net_profit_wan', kind: 'money', feeds: { net_profit: '亿元' } },
  { key: 'taxes', sql: 'taxes_wan', kind: 'money', feeds: { taxes_paid: '亿元' } },
  { key: 'rd', sql: 'rd_wan', kind: 'money', feeds: { rd_expenditure: '亿元', rd_intensity_revenue: '%' } },
  { key: 'patent_apps', sql: 'patent_apps', kind: 'count', feeds: { patent_apps: '件' } },
  { key: 'patent_grants', sql: 'patent_grants', kind: 'count', feeds: { patent_grants: '件' } },
  { key: 'employees', sql: 'employees_person', kind: 'persons', feeds: { employees: '万人' } },
  { key: 'is_hte', sql: 'is_hte', kind: 'flag', feeds: { hte_count: '家' } },
];
