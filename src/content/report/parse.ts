// A page report read back (npm run fixture:from-report): it comes from a trader's clipboard by
// way of an issue, so it is untrusted like any page. Checked field by field; the snapshot's
// depth and size are bounded before anything walks it.
import { arr, at, fail, isObj, obj, own, str, type Obj } from '../../schema/kit';
import { REPORT_FORMAT, type PageReport, type ReportChild, type ReportNode } from './types';

const MAX_DEPTH = 200;
const MAX_NODES = 20_000;

const strings = (v: unknown, path: string): string[] => arr(v, path).map((item, i) => str(item, at(path, i)));
const flag = (o: Obj, key: string, path: string): true | undefined => {
  const v = own(o, key);
  if (v === undefined) return undefined;
  return v === true ? true : fail(at(path, key), 'is not true');
};

function node(v: unknown, path: string, depth: number, budget: { left: number }): ReportNode {
  if (depth > MAX_DEPTH) fail(path, 'is nested too deep');
  if ((budget.left -= 1) < 0) fail(path, 'has too many nodes');
  const o = obj(v, path);
  const out: ReportNode = { tag: str(own(o, 'tag'), at(path, 'tag')) };
  const attrs = own(o, 'attrs');
  if (attrs !== undefined) {
    const entries = Object.entries(obj(attrs, at(path, 'attrs')));
    out.attrs = Object.fromEntries(entries.map(([name, value]) => [name, str(value, at(at(path, 'attrs'), name))]));
  }
  const distinct = own(o, 'distinct');
  if (distinct !== undefined) {
    const entries = Object.entries(obj(distinct, at(path, 'distinct')));
    out.distinct = Object.fromEntries(entries.map(([name, letter]) => [name, str(letter, at(path, name))]));
  }
  for (const key of ['data', 'keys'] as const) {
    const list = own(o, key);
    if (list !== undefined) out[key] = strings(list, at(path, key));
  }
  const value = own(o, 'value');
  if (value !== undefined) out.value = str(value, at(path, 'value'));
  for (const key of ['hidden', 'shape', 'repeated', 'truncated'] as const) {
    if (flag(o, key, path)) out[key] = true;
  }
  const children = own(o, 'children');
  if (children !== undefined) {
    out.children = arr(children, at(path, 'children')).map((child, i): ReportChild =>
      typeof child === 'string' ? child : node(child, at(at(path, 'children'), i), depth + 1, budget),
    );
  }
  return out;
}

/** The report in `json`, or a SchemaError naming the first field that is wrong. */
export function parsePageReport(json: unknown): PageReport {
  const o = obj(json, 'report');
  if (own(o, 'format') !== REPORT_FORMAT) fail('format', `is not "${REPORT_FORMAT}"`);
  const around = own(o, 'around');
  if (around !== 'form' && around !== 'keys' && around !== 'body') fail('around', 'is not form, keys or body');
  const status = own(o, 'status');
  if (status !== 'ok' && status !== 'unrecognised') fail('status', 'is not ok or unrecognised');
  const venue = str(own(o, 'venue'), 'venue');
  // The venue names the output file: a folder name, nothing that climbs out of it.
  if (!/^[a-z][a-z-]{0,40}$/.test(venue)) fail('venue', 'is not a venue id');
  const taught = own(o, 'taught');
  return {
    format: REPORT_FORMAT,
    version: str(own(o, 'version'), 'version'),
    venue,
    path: str(own(o, 'path'), 'path'),
    lang: str(own(o, 'lang'), 'lang'),
    status,
    missing: strings(own(o, 'missing'), 'missing'),
    found: strings(own(o, 'found'), 'found'),
    several: strings(own(o, 'several'), 'several'),
    missed: strings(own(o, 'missed'), 'missed'),
    ...(taught !== undefined ? { taught: strings(taught, 'taught') } : {}),
    around,
    truncated: isObj(o) && own(o, 'truncated') === true,
    snapshot: node(own(o, 'snapshot'), 'snapshot', 0, { left: MAX_NODES }),
  };
}
