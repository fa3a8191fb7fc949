/**
 * kubectl 1.32 output printers: server-side tables, kubectl's table rendering (get, get -w),
 * `-o name|json|yaml|jsonpath|custom-columns`, and `kubectl describe`. Pure functions of API
 * objects and the virtual time `now`.
 */
export type { Table, TableCell, TableColumnDefinition, TableRow } from './table';
export { generateTable, printerForKind } from './tables';
export {
  HumanReadablePrinter,
  createWatchPrinter,
  decorateTable,
  groupKindOf,
  noResourcesFound,
  printTable,
  tableText,
  type GetTableOptions,
  type TablePrintOptions,
} from './tableprinter';
export { printName } from './name';
export { listWrapper, marshalJson, printJson, type JsonPrintOptions } from './json';
export { marshalYaml, printYaml, printYamlDocuments, type YamlPrintOptions } from './yaml';
export {
  executeJsonPath,
  findJsonPathResults,
  parseJsonPath,
  printJsonPath,
  type JsonPathTemplate,
  type Result,
} from './jsonpath';
export {
  parseCustomColumnsSpec,
  parseCustomColumnsTemplate,
  printCustomColumns,
  relaxedJsonPathExpression,
  type CustomColumn,
} from './customcolumns';
export { describe, describeAll, type DescribeContext, type DescribeSettings } from './describe';
