/**
 * Field errors, as apimachinery's `field.Error`: a path, a type and a value, rendered with the
 * exact wording of `ErrorBody` (k8s.io/apimachinery/pkg/util/validation/field/errors.go).
 */

/** The error types of field.ErrorType and their rendered names. */
export type FieldErrorType =
  | 'FieldValueNotFound'
  | 'FieldValueRequired'
  | 'FieldValueDuplicate'
  | 'FieldValueInvalid'
  | 'FieldValueNotSupported'
  | 'FieldValueForbidden'
  | 'FieldValueTooLong'
  | 'FieldValueTooMany'
  | 'InternalError'
  | 'FieldValueTypeInvalid';

const TYPE_TEXT: Record<FieldErrorType, string> = {
  FieldValueNotFound: 'Not found',
  FieldValueRequired: 'Required value',
  FieldValueDuplicate: 'Duplicate value',
  FieldValueInvalid: 'Invalid value',
  FieldValueNotSupported: 'Unsupported value',
  FieldValueForbidden: 'Forbidden',
  FieldValueTooLong: 'Too long',
  FieldValueTooMany: 'Too many',
  InternalError: 'Internal error',
  FieldValueTypeInvalid: 'Invalid value',
};

/** One validation failure at a field path such as `spec.template.spec.restartPolicy`. */
export interface FieldError {
  type: FieldErrorType;
  field: string;
  /**
   * The offending value, already rendered the way Go's `%#v`-ish printing in ErrorBody shows it
   * (`"Always"`, `-1`, `map[string]string{"app":"x"}`), or undefined when the type omits it.
   */
  value?: string;
  detail?: string;
}

/** Renders a string value the way ErrorBody quotes it. */
export function quoteValue(value: string): string {
  return JSON.stringify(value);
}

/** `<type text>[: <value>][: <detail>]`, as field.Error.ErrorBody. */
export function errorBody(e: FieldError): string {
  let s = TYPE_TEXT[e.type];
  switch (e.type) {
    case 'FieldValueRequired':
    case 'FieldValueForbidden':
    case 'FieldValueTooLong':
    case 'InternalError':
      // These types never print the value.
      break;
    default:
      if (e.value !== undefined) s += `: ${e.value}`;
  }
  if (e.detail) s += `: ${e.detail}`;
  return s;
}

/** `<field>: <body>`, as field.Error.Error(). */
export function fieldErrorText(e: FieldError): string {
  return `${e.field}: ${errorBody(e)}`;
}

/** Constructors mirroring field.Required / field.Invalid / field.NotSupported / … */
export const fieldErrors = {
  required: (field: string, detail = ''): FieldError => ({
    type: 'FieldValueRequired',
    field,
    detail,
  }),
  invalid: (field: string, value: string, detail: string): FieldError => ({
    type: 'FieldValueInvalid',
    field,
    value,
    detail,
  }),
  notSupported: (field: string, value: string, supported: readonly string[]): FieldError => ({
    type: 'FieldValueNotSupported',
    field,
    value,
    detail: supported.length
      ? `supported values: ${supported.map((v) => quoteValue(v)).join(', ')}`
      : '',
  }),
  forbidden: (field: string, detail: string): FieldError => ({
    type: 'FieldValueForbidden',
    field,
    detail,
  }),
  duplicate: (field: string, value: string): FieldError => ({
    type: 'FieldValueDuplicate',
    field,
    value,
  }),
  notFound: (field: string, value: string): FieldError => ({
    type: 'FieldValueNotFound',
    field,
    value,
  }),
  tooLong: (field: string, max: number): FieldError => ({
    type: 'FieldValueTooLong',
    field,
    detail: `may not be more than ${max} bytes`,
  }),
  tooMany: (field: string, actual: number, max: number): FieldError => ({
    type: 'FieldValueTooMany',
    field,
    value: String(actual),
    detail: `must have at most ${max} items`,
  }),
};
