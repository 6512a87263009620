import type {
  ClassificationExplanation,
  Classifier,
  ClassifierDefinitionInput,
  ClassifierPreview,
  ClassifierRunResult,
  Job,
} from '@formwork/definitions';
import { client } from '../../../lib/client';
import { appKey } from '../../apps/api/apps';
import { recordKey } from '../../records/api/records';

export const classifiersKey = (app: string) => [...appKey(app), 'classifier-list'] as const;
export const classifierKey = (app: string, key: string) =>
  [...appKey(app), 'classifiers', key] as const;
/** Under the record's key: a write to the record (which may re-classify it) refreshes it. */
export const explanationKey = (app: string, entity: string, id: string, classifier: string) =>
  [...recordKey(app, entity, id), 'explain', classifier] as const;
export const classifierJobKey = (id: string) => ['jobs', id] as const;

export async function fetchClassifiers(app: string): Promise<Classifier[]> {
  return (await client.classifiers.list(app)).items;
}

export function fetchClassifier(app: string, key: string): Promise<Classifier> {
  return client.classifiers.get(app, key);
}

export function putClassifier(
  app: string,
  key: string,
  definition: ClassifierDefinitionInput,
  expectedVersion: number | undefined,
): Promise<Classifier> {
  return client.classifiers.put(app, key, definition, { expectedVersion });
}

export function deleteClassifier(app: string, key: string): Promise<void> {
  return client.classifiers.delete(app, key);
}

export function previewClassifier(
  app: string,
  key: string,
  definition: ClassifierDefinitionInput,
): Promise<ClassifierPreview> {
  return client.classifiers.preview(app, key, definition);
}

export function runClassifier(app: string, key: string): Promise<{ jobId: string }> {
  return client.classifiers.run(app, key);
}

export function fetchRunJob(id: string): Promise<Job<ClassifierRunResult>> {
  return client.jobs.get(id) as Promise<Job<ClassifierRunResult>>;
}

export function exportClassifierDmn(app: string, key: string): Promise<string> {
  return client.classifiers.exportDmn(app, key);
}

export function importClassifierDmn(
  app: string,
  xml: string,
  options: { key?: string; entity?: string },
): Promise<Classifier> {
  return client.classifiers.importDmn(app, xml, options);
}

export function fetchExplanation(
  app: string,
  entity: string,
  id: string,
  classifier: string,
): Promise<ClassificationExplanation> {
  return client.classifiers.explain(app, entity, id, classifier);
}
