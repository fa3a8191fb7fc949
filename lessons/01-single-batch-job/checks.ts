import type { LessonCheck } from '../lesson';

/** The lesson works in the learner's `lesson_1` folder. */
export const workdir = 'lesson_1';

/** The conditions of this lesson's steps. */
export const checks: LessonCheck[] = [
  {
    id: 'created',
    description: 'The Job two-times was created from the manifest.',
    check: ({ transcript }) =>
      transcript.includes('job.batch/two-times created') || 'apply two-times.yaml',
  },
  {
    id: 'complete',
    description: 'kubectl get jobs showed two-times Complete 1/1.',
    check: ({ transcript }) =>
      /two-times\s+Complete\s+1\/1/.test(transcript) || 'wait until the Job is Complete',
  },
  {
    id: 'logs',
    description: 'The logs showed the ten even numbers 2 to 20.',
    check: ({ transcript }) =>
      transcript.includes([2, 4, 6, 8, 10, 12, 14, 16, 18, 20].join('\n')) ||
      'read the logs by label',
  },
  {
    id: 'deleted',
    description: 'The finished Job was deleted, and its Pod with it.',
    check: ({ get, list }) =>
      (!get('Job', 'two-times') &&
        list('Pod').every((p) => !p.metadata.name?.startsWith('two-times-'))) ||
      'delete job/two-times',
  },
];
