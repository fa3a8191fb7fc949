/**
 * kubectl's generic describer for kinds without their own (e.g. ControllerRevision, Event):
 * kubectl pkg/describe/describe.go#genericDescriber, #printUnstructuredContent, #smartLabelFor.
 */
import type { KubeObject } from '../../../api/object';
import { compareStrings } from '../../format/labels';
import { goSprint } from '../govalue';
import { describeEvents, printAnnotationsMultiline, printLabelsMultiline } from './helpers';
import { LEVEL_0, tabbedString, type PrefixWriter } from './prefix-writer';

const COMMON_ACRONYMS = ['API', 'URL', 'UID', 'OSB', 'GUID'];

type CharClass = 'lower' | 'upper' | 'digit' | 'other';

function charClass(ch: string): CharClass {
  if (/\p{Ll}/u.test(ch)) return 'lower';
  if (/\p{Lu}/u.test(ch)) return 'upper';
  if (/\p{Nd}/u.test(ch)) return 'digit';
  return 'other';
}

/** fatih/camelcase.Split: runs of one character class; `HTMLParser` → `HTML`, `Parser`. */
export function camelCaseSplit(text: string): string[] {
  const runs: string[][] = [];
  let last: CharClass | undefined;
  for (const ch of text) {
    const cls = charClass(ch);
    if (cls === last) runs[runs.length - 1].push(ch);
    else runs.push([ch]);
    last = cls;
  }
  // An upper run followed by a lower run gives its last letter to the lower run.
  for (let i = 0; i < runs.length - 1; i++) {
    if (charClass(runs[i][0]) === 'upper' && charClass(runs[i + 1][0]) === 'lower') {
      runs[i + 1].unshift(runs[i].pop()!);
    }
  }
  return runs.filter((r) => r.length > 0).map((r) => r.join(''));
}

/** describe.go#smartLabelFor: `creationTimestamp` → `Creation Timestamp`, `apiVersion` → `API Version`. */
export function smartLabelFor(field: string): string {
  for (const ch of field) if (!/\p{L}/u.test(ch) && ch !== '-') return field;
  const parts: string[] = [];
  for (const part of camelCaseSplit(field)) {
    if (part === '_') continue;
    if (COMMON_ACRONYMS.includes(part.toUpperCase())) parts.push(part.toUpperCase());
    else parts.push(part.charAt(0).toUpperCase() + part.slice(1));
  }
  return parts.join(' ');
}

function printUnstructuredContent(
  w: PrefixWriter,
  level: number,
  content: Record<string, unknown>,
  skipPrefix: string,
  skip: readonly string[],
): void {
  for (const field of Object.keys(content).sort(compareStrings)) {
    const value = content[field];
    const skipExpr = `${skipPrefix}.${field}`;
    if (skip.includes(skipExpr)) continue;
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      w.write(level, `${smartLabelFor(field)}:\n`);
      printUnstructuredContent(w, level + 1, value as Record<string, unknown>, skipExpr, skip);
    } else if (Array.isArray(value)) {
      w.write(level, `${smartLabelFor(field)}:\n`);
      for (const child of value) {
        if (child && typeof child === 'object' && !Array.isArray(child)) {
          printUnstructuredContent(w, level + 1, child as Record<string, unknown>, skipExpr, skip);
        } else {
          w.write(level + 1, `${goSprint(child)}\n`);
        }
      }
    } else {
      w.write(level, `${smartLabelFor(field)}:\t${goSprint(value)}\n`);
    }
  }
}

/** The generic describe text of any object. */
export function describeGeneric(
  obj: KubeObject,
  events: readonly KubeObject[] | undefined,
  now: number,
): string {
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${obj.metadata.name}\n`);
    w.write(LEVEL_0, `Namespace:\t${obj.metadata.namespace ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', obj.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', obj.metadata.annotations);
    printUnstructuredContent(w, LEVEL_0, obj as Record<string, unknown>, '', [
      '.metadata.managedFields',
      '.metadata.name',
      '.metadata.namespace',
      '.metadata.labels',
      '.metadata.annotations',
    ]);
    if (events) describeEvents(events, w, now);
  });
}
