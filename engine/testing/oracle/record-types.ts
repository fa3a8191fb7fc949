/** The shape of one recorded kubectl run in recorded.json. */
export interface RecordedCase {
  name: string;
  /** Wall-clock second (ms) the fixtures were shifted to; Podlab renders with `now` = base. */
  base: number;
  stdout: string;
  stderr: string;
}
